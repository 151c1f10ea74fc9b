import Foundation
import StrideContracts
import StrideRuntime
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: merit matrix")
struct MeritMatrixDomainTests {
    typealias F = DomainFixtures

    @Test("a complete 5-level × 6-zone matrix has no violations and covers level 5")
    func complete() {
        let matrix = MeritMatrix(cells: F.cells())
        #expect(matrix.cells.count == 30)
        #expect(matrix.violations().isEmpty)
        #expect(matrix.highestLevel == 5)
    }

    @Test("range(ratingLevel:zone:) finds each cell and nothing outside the matrix")
    func lookup() {
        let matrix = MeritMatrix(cells: F.cells())
        #expect(matrix.range(ratingLevel: 3, zone: .q2) == F.range("3.25", "4", "4.8"))
        #expect(matrix.range(ratingLevel: 1, zone: .belowMinimum) == F.range("1.25", "2", "3"))
        #expect(matrix.range(ratingLevel: 5, zone: .aboveMaximum) == F.range("5.25", "6", "6.5"))
        #expect(matrix.range(ratingLevel: 0, zone: .q1) == nil)
        #expect(matrix.range(ratingLevel: 6, zone: .q1) == nil)
        let partial = MeritMatrix(cells: F.cells(levels: 1...2).filter { $0.zone != .q4 })
        #expect(partial.range(ratingLevel: 2, zone: .q4) == nil)
        #expect(partial.range(ratingLevel: 2, zone: .q3) != nil)
    }

    @Test("the matrix lists its cells by level and zone whatever the input order, and compares by cells")
    func canonicalOrder() {
        let shuffled = MeritMatrix(cells: F.cells().reversed())
        let ordered = MeritMatrix(cells: F.cells())
        #expect(shuffled == ordered)
        #expect(shuffled.hashValue == ordered.hashValue)
        #expect(shuffled.cells.map(\.ratingLevel) == F.cells().map(\.ratingLevel))
        #expect(shuffled.cells.map(\.zone) == F.cells().map(\.zone))
        #expect(MeritMatrix(cells: F.cells(levels: 1...4)) != ordered)
    }

    @Test("a missing zone for a level is unprocessable on merit_matrix, naming the level and the zone")
    func missingZone() throws {
        let cells = F.cells().filter { !($0.ratingLevel == 3 && $0.zone == .q2) }
        let violations = MeritMatrix(cells: cells).violations()
        #expect(F.summary(violations) == ["unprocessable:merit_matrix"])
        let message = try #require(violations.first).message
        #expect(message.contains("Rating 3"))
        #expect(message.contains("q2"))
        #expect(!message.contains("q1"))
    }

    @Test("a level skipped entirely below the highest one is unprocessable, one violation per level")
    func missingLevels() {
        let cells = F.cells(levels: 3...4)
        let violations = MeritMatrix(cells: cells).violations()
        #expect(F.summary(violations) == ["unprocessable:merit_matrix", "unprocessable:merit_matrix"])
        #expect(violations[0].message.contains("Rating 1"))
        #expect(violations[1].message.contains("Rating 2"))
        #expect(violations[0].message.contains("below_minimum, q1, q2, q3, q4, above_maximum"))
    }

    @Test("a single complete level 1 is a valid matrix")
    func singleLevel() {
        #expect(MeritMatrix(cells: F.cells(levels: 1...1)).violations().isEmpty)
        #expect(MeritMatrix(cells: F.cells(levels: 1...1)).highestLevel == 1)
    }

    @Test("an empty matrix is invalid")
    func empty() {
        #expect(F.summary(MeritMatrix(cells: []).violations()) == ["invalid:merit_matrix"])
        #expect(MeritMatrix(cells: []).highestLevel == 0)
    }

    @Test("a second cell for the same level and zone is invalid on that cell")
    func duplicate() {
        var cells = F.cells(levels: 1...1)
        cells.append(MeritMatrix.Cell(ratingLevel: 1, zone: .q3, range: F.range("1", "2", "3")))
        let violations = MeritMatrix(cells: cells).violations()
        #expect(violations.count == 1)
        #expect(violations.first.map { "\($0.kind)" } == "invalid")
        #expect(violations.first?.field?.hasPrefix("merit_matrix[") == true)
        #expect(violations.first?.message.contains("Rating 1 has two cells for q3") == true)
    }

    @Test("a rating level outside 1…10 is invalid on the cell's rating_level")
    func levelOutOfRange() {
        let zero = [MeritMatrix.Cell(ratingLevel: 0, zone: .q1, range: F.range("1", "2", "3"))] + F.cells(levels: 1...1)
        #expect(F.summary(MeritMatrix(cells: zero).violations()) == ["invalid:merit_matrix[0].rating_level"])
        let eleven = F.cells(levels: 1...1) + [MeritMatrix.Cell(ratingLevel: 11, zone: .q1, range: F.range("1", "2", "3"))]
        #expect(F.summary(MeritMatrix(cells: eleven).violations()) == ["invalid:merit_matrix[6].rating_level"])
        #expect(MeritMatrix(cells: F.cells(levels: 1...10)).violations().isEmpty)
    }

    @Test("a bad cell range is reported under its index and the matrix's field name")
    func badCell() {
        var cells = F.cells(levels: 1...1)
        cells[2] = MeritMatrix.Cell(ratingLevel: 1, zone: .q2, range: F.range("3", "2", "4"))
        #expect(F.summary(MeritMatrix(cells: cells).violations()) == ["invalid:merit_matrix[2].guideline_percent"])
        #expect(F.summary(MeritMatrix(cells: cells).violations(field: "plan.merit_matrix")) == ["invalid:plan.merit_matrix[2].guideline_percent"])
    }

    /// The field names the cell as the client sent it: `merit_matrix[0]` is the first element of
    /// the request's array, whatever order the matrix keeps its cells in.
    @Test("a violation names the cell's index in the request, whatever the request's order")
    func requestIndex() {
        var cells = Array(F.cells().reversed())  // level 5 above_maximum first … level 1 below_minimum last
        cells[0] = MeritMatrix.Cell(ratingLevel: 5, zone: .aboveMaximum, range: F.range("3", "2", "4"))
        let fields = F.summary(MeritMatrix(cells: cells).violations())
        #expect(fields == ["invalid:merit_matrix[0].guideline_percent"])
        var duplicated = F.cells(levels: 1...1)
        duplicated.append(MeritMatrix.Cell(ratingLevel: 1, zone: .belowMinimum, range: F.range("1", "2", "3")))
        let duplicateFields = F.summary(MeritMatrix(cells: duplicated).violations())
        // Request index 6 is the second below_minimum cell of level 1 (sorted, it would be index 1).
        #expect(duplicateFields == ["invalid:merit_matrix[6]"])
    }

    @Test("when a cell is bad the missing-zone check waits, so the client fixes cells first")
    func cellsBeforeCompleteness() {
        var cells = F.cells(levels: 1...2).filter { $0.zone != .q1 }
        cells[0] = MeritMatrix.Cell(ratingLevel: 1, zone: .belowMinimum, range: F.range("-1", "2", "3"))
        #expect(F.summary(MeritMatrix(cells: cells).violations()) == ["invalid:merit_matrix[0].minimum_percent"])
    }
}
