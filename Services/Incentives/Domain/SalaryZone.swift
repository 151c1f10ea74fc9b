import Foundation
import StrideContracts

/// Where a base salary sits in its band, the merit matrix's second axis: below the minimum, one
/// of the four quartiles between minimum and maximum, or above the maximum.
///
/// Quartile `n` holds salaries from `min + (n-1)/4 × (max - min)` up to (not including) the next
/// quartile's start; the maximum itself is in the fourth. A band whose minimum equals its maximum
/// puts that one salary in the fourth quartile.
public enum SalaryZone: String, Codable, Sendable, CaseIterable {
    case belowMinimum = "below_minimum"
    case q1, q2, q3, q4
    case aboveMaximum = "above_maximum"

    /// The zone of `salary` in `band` (amounts compared as numbers; the caller checks currencies).
    public static func of(salary: Decimal, minimum: Decimal, maximum: Decimal) -> SalaryZone {
        if salary < minimum { return .belowMinimum }
        if salary > maximum { return .aboveMaximum }
        guard maximum > minimum else { return .q4 }
        var position = (salary - minimum) * 4 / (maximum - minimum)
        var whole = Decimal()
        NSDecimalRound(&whole, &position, 0, .down)
        switch whole {
        case ..<1: return .q1
        case ..<2: return .q2
        case ..<3: return .q3
        default: return .q4
        }
    }

    /// The zone of `salary` in `band`.
    public static func of(salary: Money, band: SalaryBand) -> SalaryZone {
        of(salary: salary.amount, minimum: band.minimum.amount, maximum: band.maximum.amount)
    }
}
