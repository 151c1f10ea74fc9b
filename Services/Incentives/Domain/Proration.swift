import Foundation
import StrideContracts

/// The share of a period someone was employed in, for people hired during it: days employed
/// (from the later of hire date and period start to the period end, both included) over the
/// period's days, from 0 to 1, rounded half away from zero to six places.
public enum Proration {
    /// Places the factor keeps, so that the run's SQL and this function meet the same number.
    public static let places = 6

    /// The factor for someone hired on `hireDate` in the period `start…end`.
    public static func factor(hireDate: CalendarDate, periodStart start: CalendarDate, periodEnd end: CalendarDate) -> Decimal {
        let total = end.daysSince(start) + 1
        guard total > 0 else { return 0 }
        let from = hireDate > start ? hireDate : start
        let employed = max(0, min(total, end.daysSince(from) + 1))
        return MoneyMath.round(Decimal(employed) / Decimal(total), places: places)
    }
}
