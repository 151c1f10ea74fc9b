import StrideContracts

/// One line of a payroll file: an approved compensation change, or the reversal of one.
///
/// Payroll applies lines, not events: a ``Kind/change`` line pays its amount, a ``Kind/reversal``
/// line takes the reversed change's amount back (its amount is negative). ``lineID`` is the
/// idempotency key, so a line is written once however often its event is delivered.
public struct PayrollLine: Sendable, Equatable {
    /// What a line does to pay.
    public enum Kind: String, Sendable, CaseIterable {
        /// An approved change: pays ``PayrollLine/amount``.
        case change
        /// A reversal: takes a change's amount back, so ``PayrollLine/amount`` is negative.
        case reversal
    }

    /// The idempotency key: the change id of a change, the reversal id of a reversal.
    public var lineID: String
    /// Change or reversal.
    public var lineKind: Kind
    /// The change paid, or the change reversed.
    public var changeID: String
    /// The employee paid.
    public var employeeID: String
    /// Merit, bonus, promotion or lump sum.
    public var kind: CompensationChangeKind
    /// The day the line takes effect; it names the file the line is written to.
    public var effectiveDate: CalendarDate
    /// The amount paid: positive for a change, negative for a reversal.
    public var amount: Money
    /// The base salary from ``effectiveDate`` (a change's new one, a reversal's restored one), if any.
    public var newBaseSalary: Money?
    /// The review cycle the change comes from.
    public var cycleID: String
    /// The approved recommendation a change comes from; `nil` for a reversal.
    public var recommendationID: String?

    /// The line that pays an approved change.
    /// - Parameter change: the approval.
    public init(_ change: CompensationChangeApproved) {
        lineID = change.changeID
        lineKind = .change
        changeID = change.changeID
        employeeID = change.employeeID
        kind = change.kind
        effectiveDate = change.effectiveDate
        amount = change.amount
        newBaseSalary = change.newBaseSalary
        cycleID = change.cycleID
        recommendationID = change.recommendationID
    }

    /// The line that takes a reversed change's amount back.
    /// - Parameter reversal: the reversal.
    public init(_ reversal: CompensationChangeReversed) {
        lineID = reversal.reversalID
        lineKind = .reversal
        changeID = reversal.reversedChangeID
        employeeID = reversal.employeeID
        kind = reversal.kind
        effectiveDate = reversal.effectiveDate
        amount = Money(amount: -reversal.amount.amount, currency: reversal.amount.currency)
        newBaseSalary = reversal.restoredBaseSalary
        cycleID = reversal.cycleID
        recommendationID = nil
    }

    /// The file the line belongs in: `payroll-YYYY-MM-DD.csv`, one per effective date.
    public var fileName: String { PayrollFileName.forEffectiveDate(effectiveDate) }
}
