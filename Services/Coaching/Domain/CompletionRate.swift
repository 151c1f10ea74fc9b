import Foundation

/// A completion rate such as check-ins held on cadence out of those due, or feedback interviews
/// held out of those due, kept as exact counts so that rates add up across teams and
/// departments without rounding drift.
public struct CompletionRate: Sendable, Hashable {
    /// How many were done (on cadence, held).
    public let done: Int
    /// How many were due.
    public let due: Int

    /// Creates a rate.
    /// - Parameters:
    ///   - done: how many were done; clamped to 0…`due`.
    ///   - due: how many were due; negative counts as 0.
    public init(done: Int, due: Int) {
        self.due = max(0, due)
        self.done = min(max(0, done), self.due)
    }

    /// Nothing due.
    public static let zero = CompletionRate(done: 0, due: 0)

    /// The percentage done, rounded half away from zero to `places` decimal places; `nil` when
    /// nothing was due (a rate of nothing is not 0 % and not 100 %).
    /// - Parameter places: decimal places, 1 by default.
    public func percent(places: Int = 1) -> Decimal? {
        guard due > 0 else { return nil }
        var exact = Decimal(done) * 100 / Decimal(due)
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, .plain)
        return result
    }

    /// The rate of two populations together: counts add, percentages do not.
    /// - Parameters:
    ///   - lhs: one rate.
    ///   - rhs: the other.
    public static func + (lhs: CompletionRate, rhs: CompletionRate) -> CompletionRate {
        CompletionRate(done: lhs.done + rhs.done, due: lhs.due + rhs.due)
    }
}
