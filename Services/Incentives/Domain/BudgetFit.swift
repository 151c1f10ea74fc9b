import Foundation

/// How a department's recommendations are fitted to its pool.
///
/// Merit: every increase is `minimum + f × (guideline − minimum)` of its cell. If the guideline
/// increases fit the pool, `f = 1`; otherwise only the discretionary part above the minimums is
/// scaled, `f = (pool − Σ minimum) / (Σ guideline − Σ minimum)`, never below a minimum — unless
/// the pool cannot even cover the minimums: then every minimum is scaled by `pool / Σ minimum`
/// and the department is reported as **short**. Bonus: the plan amounts are scaled by
/// `pool / Σ plan` when they pass the pool. Factors keep ten places, rounded down, so the fitted
/// total stays inside the pool.
public struct BudgetFit: Sendable, Equatable {
    /// The fit factor, 0–1.
    public var factor: Decimal
    /// Whether the pool could not cover the merit minimums.
    public var short: Bool

    /// Places a factor keeps.
    public static let places = 10

    /// A pool: `percent` of the department's base payroll in one currency, rounded down to the
    /// minor unit.
    public static func pool(payroll: Decimal, percent: Decimal, currency: String) -> Decimal {
        MoneyMath.floor(payroll * percent / 100, currency: currency)
    }

    /// The merit fit for a pool and the department's costs at the minimums and the guidelines.
    public static func merit(pool: Decimal, minimumCost: Decimal, guidelineCost: Decimal) -> BudgetFit {
        if guidelineCost <= pool { return BudgetFit(factor: 1, short: false) }
        if minimumCost <= pool {
            let spread = guidelineCost - minimumCost
            guard spread > 0 else { return BudgetFit(factor: 1, short: false) }
            return BudgetFit(factor: MoneyMath.truncate((pool - minimumCost) / spread, places: places), short: false)
        }
        guard minimumCost > 0, pool > 0 else { return BudgetFit(factor: 0, short: true) }
        return BudgetFit(factor: MoneyMath.truncate(pool / minimumCost, places: places), short: true)
    }

    /// The bonus fit for a pool and the department's plan amounts.
    public static func bonus(pool: Decimal, planCost: Decimal) -> BudgetFit {
        guard planCost > pool else { return BudgetFit(factor: 1, short: false) }
        guard pool > 0 else { return BudgetFit(factor: 0, short: false) }
        return BudgetFit(factor: MoneyMath.truncate(pool / planCost, places: places), short: false)
    }

    /// The fitted merit percentage of one cell, rounded down to two places.
    public func meritPercent(_ range: MeritRange) -> Decimal {
        let percent = short
            ? range.minimumPercent * factor
            : range.minimumPercent + factor * (range.guidelinePercent - range.minimumPercent)
        return MoneyMath.truncate(percent, places: 2)
    }
}
