import Foundation

/// A merit increase as money: `salary × percent/100 × proration`, rounded down to the minor unit.
/// The part that would take the base salary past the band maximum is not added to the salary:
/// it is paid once as a lump sum (an employee already above the maximum gets all of it as a lump
/// sum). The whole increase counts against the merit pool.
public struct MeritIncrease: Sendable, Equatable {
    /// The increase's whole cost: base increase plus lump sum.
    public var total: Decimal
    /// What is added to the base salary.
    public var baseIncrease: Decimal
    /// What is paid once instead, because of the band maximum.
    public var lumpSum: Decimal
    /// The base salary after the increase.
    public var newSalary: Decimal

    /// Computes the increase.
    /// - Parameters:
    ///   - salary: the current base salary.
    ///   - bandMaximum: the band's maximum, in the salary's currency.
    ///   - percent: the increase in percent (after the budget fit or a manager's adjustment).
    ///   - proration: the share of the period employed, 0–1.
    ///   - currency: the salary's ISO 4217 code, for the minor unit.
    public init(salary: Decimal, bandMaximum: Decimal, percent: Decimal, proration: Decimal, currency: String) {
        total = MoneyMath.floor(salary * percent / 100 * proration, currency: currency)
        let room = max(0, bandMaximum - salary)
        baseIncrease = min(total, room)
        lumpSum = total - baseIncrease
        newSalary = salary + baseIncrease
    }
}
