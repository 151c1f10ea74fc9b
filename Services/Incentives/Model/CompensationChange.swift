import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// A change payroll receives, as stored: approved once under a deterministic id and, when
/// corrected, reversed (never edited).
public struct CompensationChange: Encodable, Sendable, Equatable {
    public var changeID: String
    public var recommendationID: String
    public var compCycleID: String
    public var employeeID: String
    public var kind: CompensationChangeKind
    public var sequence: Int
    public var amount: Money
    public var previousSalary: Money?
    public var newSalary: Money?
    public var newJobLevel: String?
    public var effectiveDate: CalendarDate
    public var approvedBy: String
    public var approvedAt: Date
    public var reversalID: String?
    public var reversedBy: String?
    public var reversedAt: Date?
    public var reversalReason: String?

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id"
        case recommendationID = "recommendation_id"
        case compCycleID = "comp_cycle_id"
        case employeeID = "employee_id"
        case kind, sequence, amount
        case previousSalary = "previous_salary"
        case newSalary = "new_salary"
        case newJobLevel = "new_job_level"
        case effectiveDate = "effective_date"
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
        case reversalID = "reversal_id"
        case reversedBy = "reversed_by"
        case reversedAt = "reversed_at"
        case reversalReason = "reversal_reason"
    }

    init(row: PostgresRow) throws {
        changeID = try row.decode("change_id")
        recommendationID = try row.decode("recommendation_id")
        compCycleID = try row.decode("comp_cycle_id")
        employeeID = try row.decode("employee_id")
        kind = CompensationChangeKind(rawValue: try row.decode("kind")) ?? .merit
        sequence = try row.decode("sequence")
        let currency: String = try row.decode("currency")
        amount = Money(amount: try row.decode("amount"), currency: currency)
        previousSalary = (try row.decode("previous_salary", as: Decimal?.self)).map { Money(amount: $0, currency: currency) }
        newSalary = (try row.decode("new_salary", as: Decimal?.self)).map { Money(amount: $0, currency: currency) }
        newJobLevel = try row.decode("new_job_level")
        effectiveDate = try row.decode("effective_date")
        approvedBy = try row.decode("approved_by")
        approvedAt = try row.decode("approved_at")
        reversalID = try row.decode("reversal_id")
        reversedBy = try row.decode("reversed_by")
        reversedAt = try row.decode("reversed_at")
        reversalReason = try row.decode("reversal_reason")
    }

    /// What payroll receives for it.
    var approvedEvent: CompensationChangeApproved {
        CompensationChangeApproved(
            changeID: changeID, employeeID: employeeID, kind: kind, amount: amount, previousBaseSalary: previousSalary,
            newBaseSalary: newSalary, effectiveDate: effectiveDate, cycleID: compCycleID, recommendationID: recommendationID,
            actorID: approvedBy, newJobLevel: newJobLevel)
    }

    /// What payroll receives when it is reversed (after ``reversalID`` is set).
    func reversedEvent(effectiveDate day: CalendarDate) -> CompensationChangeReversed {
        CompensationChangeReversed(
            reversalID: reversalID ?? "", reversedChangeID: changeID, employeeID: employeeID, kind: kind, amount: amount,
            restoredBaseSalary: previousSalary, effectiveDate: day, cycleID: compCycleID, actorID: reversedBy ?? "",
            reason: reversalReason ?? "")
    }
}
