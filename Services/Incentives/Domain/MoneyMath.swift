import Foundation
import StrideContracts

/// Rounding of money and factors in incentives. Computed amounts are rounded **down** to the
/// currency's minor unit (and fitted percentages down to two places), so a department's total
/// never passes its pool by a rounding cent; factors round half away from zero.
public enum MoneyMath {
    /// `amount` rounded down (toward zero) to `currency`'s minor unit.
    public static func floor(_ amount: Decimal, currency: String) -> Decimal {
        truncate(amount, places: Money.minorUnitDigits(of: currency))
    }

    /// `value` cut to `places` decimals toward zero.
    public static func truncate(_ value: Decimal, places: Int) -> Decimal {
        var exact = value
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, value < 0 ? .up : .down)
        return result
    }

    /// `value` rounded half away from zero to `places` decimals.
    public static func round(_ value: Decimal, places: Int) -> Decimal {
        var exact = value
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, .plain)
        return result
    }
}
