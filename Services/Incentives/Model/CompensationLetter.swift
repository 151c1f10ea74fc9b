import Foundation
import StrideContracts
import StrideRuntime

/// What an employee is told once HR releases the cycle: their approved merit increase (and the
/// lump sum above the band maximum), bonus and promotion, and the changes payroll received
/// (with any reversal of a corrected one).
public struct CompensationLetter: Encodable, Sendable {
    public var compCycleID: String
    public var cycleName: String
    public var employeeID: String
    public var rating: Rating?
    public var currentSalary: Money?
    @OptionalDecimalString public var meritPercent: Decimal?
    public var meritIncrease: Money?
    public var lumpSum: Money?
    public var newSalary: Money?
    public var effectiveDate: CalendarDate
    public var bonus: Money?
    public var payoutDate: CalendarDate
    public var promotion: PromotionRecord?
    public var changes: [CompensationChange]

    enum CodingKeys: String, CodingKey {
        case compCycleID = "comp_cycle_id"
        case cycleName = "cycle_name"
        case employeeID = "employee_id"
        case rating
        case currentSalary = "current_salary"
        case meritPercent = "merit_percent"
        case meritIncrease = "merit_increase"
        case lumpSum = "lump_sum"
        case newSalary = "new_salary"
        case effectiveDate = "effective_date"
        case bonus
        case payoutDate = "payout_date"
        case promotion, changes
    }
}
