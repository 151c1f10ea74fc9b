import Foundation
import StrideContracts

/// Rounding and fixed-point text for scores and percentages. Every stored intermediate of a score
/// is rounded with `.plain` (half away from zero) so that a recomputation meets the same number.
enum DecimalRounding {
    /// Places kept by every score and average.
    static let scorePlaces = 4
    /// Places kept by a distribution's percentages.
    static let percentPlaces = 2

    /// `dividend / divisor` rounded half away from zero to `places` decimal places — what
    /// `round(dividend / divisor, places:)` gives, without `Decimal`'s long division (about 8 µs
    /// each, the larger part of scoring a cycle) when both fit 18 significant digits: the quotient
    /// is then computed and rounded exactly in integers, and trimmed of trailing zeros as
    /// `NSDecimalRound` leaves it. Anything else takes the `Decimal` path.
    /// - Precondition: `divisor` is not zero.
    static func divide(_ dividend: Decimal, by divisor: Decimal, places: Int = scorePlaces) -> Decimal {
        if let quotient = integerQuotient(dividend, divisor, places: places) { return quotient }
        return round(dividend / divisor, places: places)
    }

    private static func integerQuotient(_ dividend: Decimal, _ divisor: Decimal, places: Int) -> Decimal? {
        guard places >= 0, places <= 18, let (numerator, numeratorExponent) = integerParts(dividend),
            let (denominator, denominatorExponent) = integerParts(divisor), denominator != 0
        else { return nil }
        // dividend / divisor × 10^places = (numerator / denominator) × 10^shift
        var shift = numeratorExponent - denominatorExponent + places
        var top = numerator.magnitude
        var bottom = denominator.magnitude
        while shift > 0 {
            let (shifted, overflow) = top.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            top = shifted
            shift -= 1
        }
        while shift < 0 {
            let (shifted, overflow) = bottom.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            bottom = shifted
            shift += 1
        }
        let (quotient, remainder) = top.quotientAndRemainder(dividingBy: bottom)
        var rounded = remainder >= bottom - remainder ? quotient + 1 : quotient  // half away from zero
        guard rounded != 0 else { return 0 }
        var exponent = -places
        while exponent < 0, rounded % 10 == 0 {
            rounded /= 10
            exponent += 1
        }
        let negative = (numerator < 0) != (denominator < 0)
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(rounded))
    }

    /// `value` as `significand × 10^exponent` with a significand of at most 18 digits, or `nil`.
    private static func integerParts(_ value: Decimal) -> (Int64, Int)? {
        guard value.isFinite else { return nil }
        if value.isZero { return (0, 0) }
        guard let magnitude = DecimalText.shortSignificand(of: value) else { return nil }
        return (value.sign == .minus ? -Int64(magnitude) : Int64(magnitude), value.exponent)
    }

    /// `value` rounded half away from zero to `places` decimal places.
    static func round(_ value: Decimal, places: Int = scorePlaces) -> Decimal {
        var exact = value
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, .plain)
        return result
    }

    /// `value` rounded to `places` and written with exactly that many decimals: `3.6250`.
    static func fixed(_ value: Decimal, places: Int = scorePlaces) -> String {
        DecimalText.format(round(value, places: places), minimumFractionDigits: max(0, places))
    }

    /// The shortest exact text of `value`: `60`, `12.5`.
    static func plain(_ value: Decimal) -> String {
        DecimalText.format(value)
    }
}
