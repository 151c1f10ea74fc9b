import Foundation

/// The bonus plan's formula: `salary × target%/100 × company multiplier × individual multiplier
/// × proration × budget fit`, rounded down to the minor unit.
public enum BonusPlan {
    /// The plan amount before the budget fit: what the pool is asked for.
    public static func planAmount(
        salary: Decimal, targetPercent: Decimal, companyMultiplier: Decimal, individualMultiplier: Decimal, proration: Decimal
    ) -> Decimal {
        salary * targetPercent / 100 * companyMultiplier * individualMultiplier * proration
    }

    /// The recommended bonus: the plan amount scaled by the department's fit, rounded down.
    public static func amount(plan: Decimal, fit: Decimal, currency: String) -> Decimal {
        MoneyMath.floor(plan * fit, currency: currency)
    }
}
