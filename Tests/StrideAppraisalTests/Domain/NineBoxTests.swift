import StrideAppraisal
import StrideContracts
import Testing

@Suite("The nine-box grid")
struct NineBoxTests {
    @Test("performance is low below meets expectations, moderate at it, high above")
    func performance() {
        #expect(NineBox.performance(ratingLevel: 2, meetsExpectationsLevel: 3) == .low)
        #expect(NineBox.performance(ratingLevel: 3, meetsExpectationsLevel: 3) == .moderate)
        #expect(NineBox.performance(ratingLevel: 4, meetsExpectationsLevel: 3) == .high)
        #expect(NineBox.performance(ratingLevel: 1, meetsExpectationsLevel: 1) == .moderate)
        #expect(
            NineBox.cell(ratingLevel: 5, meetsExpectationsLevel: 3, potential: .low)
                == NineBoxCell(performance: .high, potential: .low))
    }

    @Test("the grid has nine cells, performance then potential from high to low, employees sorted")
    func grid() {
        let placements = [
            NineBoxPlacement(employeeID: "E-3", cell: NineBoxCell(performance: .high, potential: .high)),
            NineBoxPlacement(employeeID: "E-1", cell: NineBoxCell(performance: .high, potential: .high)),
            NineBoxPlacement(employeeID: "E-2", cell: NineBoxCell(performance: .low, potential: .moderate)),
        ]
        let grid = NineBox.grid(placements)
        #expect(grid.count == 9)
        #expect(
            grid.map { "\($0.cell.performance.rawValue)/\($0.cell.potential.rawValue)" } == [
                "high/high", "high/moderate", "high/low", "moderate/high", "moderate/moderate", "moderate/low",
                "low/high", "low/moderate", "low/low",
            ])
        #expect(grid[0].employeeIDs == ["E-1", "E-3"])
        #expect(grid[7].employeeIDs == ["E-2"])
        #expect(grid.reduce(0) { $0 + $1.employeeIDs.count } == 3)
        #expect(NineBox.grid([]).allSatisfy { $0.employeeIDs.isEmpty })
    }
}
