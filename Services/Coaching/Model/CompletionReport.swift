import Foundation
import StrideContracts

/// HR's view of how coaching is kept up, per department: check-ins held on cadence, pairs not
/// overdue today, and feedback interviews held of those due.
public struct CompletionReportRow: Codable, Sendable, Equatable {
    /// A share: how many of how many, and the percentage (absent when nothing was due).
    public struct Rate: Codable, Sendable, Equatable {
        public var done: Int
        public var due: Int
        @OptionalDecimalString public var percent: Decimal?

        init(_ rate: CompletionRate) {
            done = rate.done
            due = rate.due
            percent = rate.percent()
        }
    }

    public var department: String
    /// Check-ins held between `from` and `to` that kept their pair's cadence, of all held then.
    public var checkInsOnCadence: Rate
    /// Pairs whose check-in is not overdue today, of all pairs with a cadence.
    public var pairsCurrent: Rate
    /// Feedback interviews completed, of those due by `to` (or completed).
    public var interviewsHeld: Rate

    enum CodingKeys: String, CodingKey {
        case department
        case checkInsOnCadence = "check_ins_on_cadence"
        case pairsCurrent = "pairs_current"
        case interviewsHeld = "interviews_held"
    }
}
