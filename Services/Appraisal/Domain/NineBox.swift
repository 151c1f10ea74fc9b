import StrideContracts

/// The nine-box grid: performance (the rating against "meets expectations") × potential (assessed
/// in calibration), the talent-review picture of a population.
public enum NineBox {
    /// The levels of an axis from the top of the grid down.
    public static let axisTopDown: [TalentLevel] = [.high, .moderate, .low]

    /// The performance axis of a rating: below "meets expectations" is low, at it moderate,
    /// above it high.
    /// - Parameters:
    ///   - ratingLevel: the rating level.
    ///   - meetsExpectationsLevel: the template's "meets expectations" level.
    public static func performance(ratingLevel: Int, meetsExpectationsLevel: Int) -> TalentLevel {
        ratingLevel < meetsExpectationsLevel ? .low : ratingLevel == meetsExpectationsLevel ? .moderate : .high
    }

    /// The cell of a rating and a potential.
    /// - Parameters:
    ///   - ratingLevel: the rating level.
    ///   - meetsExpectationsLevel: the template's "meets expectations" level.
    ///   - potential: the assessed potential.
    public static func cell(ratingLevel: Int, meetsExpectationsLevel: Int, potential: TalentLevel) -> NineBoxCell {
        NineBoxCell(
            performance: performance(ratingLevel: ratingLevel, meetsExpectationsLevel: meetsExpectationsLevel),
            potential: potential)
    }

    /// All nine cells, empty ones too, performance high to low and within it potential high to
    /// low, each with its employees sorted.
    /// - Parameter placements: where each employee sits.
    public static func grid(_ placements: [NineBoxPlacement]) -> [NineBoxGridCell] {
        let byCell = Dictionary(grouping: placements, by: \.cell)
        return axisTopDown.flatMap { performance in
            axisTopDown.map { potential in
                let cell = NineBoxCell(performance: performance, potential: potential)
                return NineBoxGridCell(cell: cell, employeeIDs: (byCell[cell] ?? []).map(\.employeeID).sorted())
            }
        }
    }
}
