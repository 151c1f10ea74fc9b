import Foundation

/// The pay range of a job level: minimum, midpoint and maximum base salary.
///
/// JSON: `{"max":{…},"mid":{…},"min":{…}}`, each a ``Money``.
public struct SalaryBand: Codable, Sendable, Hashable {
    /// The lowest base salary of the band.
    public var minimum: Money
    /// The band's midpoint: the market rate, the denominator of the compa-ratio.
    public var midpoint: Money
    /// The highest base salary of the band.
    public var maximum: Money

    /// Creates a band.
    /// - Parameters:
    ///   - minimum: the lowest base salary.
    ///   - midpoint: the midpoint.
    ///   - maximum: the highest base salary.
    public init(minimum: Money, midpoint: Money, maximum: Money) {
        self.minimum = minimum
        self.midpoint = midpoint
        self.maximum = maximum
    }

    /// `salary / midpoint`, or `nil` when the currencies differ or the midpoint is zero.
    /// - Parameter salary: a base salary.
    public func compaRatio(of salary: Money) -> Decimal? {
        guard salary.currency == midpoint.currency, midpoint.amount != 0 else { return nil }
        return salary.amount / midpoint.amount
    }

    private enum CodingKeys: String, CodingKey {
        case minimum = "min"
        case midpoint = "mid"
        case maximum = "max"
    }
}
