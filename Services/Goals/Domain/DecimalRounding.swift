import Foundation

/// The one rounding rule of the goals domain: percentages and points are reported to 2 decimal
/// places, halves rounded away from zero (`.plain`, not banker's), so that 12.345 becomes 12.35
/// the same way a spreadsheet would.
enum DecimalRounding {
    /// `value` rounded to `places` decimal places with `.plain` rounding.
    static func rounded(_ value: Decimal, places: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// Whether `value` has no more than `places` significant decimal places (`1.50` has 1).
    static func hasAtMost(places: Int, _ value: Decimal) -> Bool {
        rounded(value, places: places) == value
    }
}
