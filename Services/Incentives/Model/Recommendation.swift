import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// A merit or bonus recommendation as the employee's reporting line and HR see it: the inputs
/// (rating, salary, band position, proration), the guideline range, the budget fit and the
/// result, with its status and version.
public struct Recommendation: Encodable, Sendable, Equatable {
    public var recommendationID: String
    public var compCycleID: String
    public var employeeID: String
    public var kind: RecommendationKind
    public var department: String
    public var managerID: String?
    public var jobLevel: String
    public var appraisalID: String
    public var appraisalVersion: Int
    public var ratingLevel: Int
    public var ratingLabel: String
    public var scaleMax: Int
    public var currentSalary: Money
    public var band: SalaryBand
    @DecimalString public var compaRatio: Decimal
    @DecimalString public var proration: Decimal
    public var zone: SalaryZone?
    public var range: MeritRange?
    @OptionalDecimalString public var targetPercent: Decimal?
    @OptionalDecimalString public var individualMultiplier: Decimal?
    /// The bonus plan amount before the budget fit (the guideline's top for a manager's adjustment).
    public var planAmount: Money?
    @DecimalString public var fit: Decimal
    @OptionalDecimalString public var percent: Decimal?
    /// Merit: the base salary increase; bonus: the payment.
    public var amount: Money
    /// Merit: the part above the band maximum, paid once.
    public var lumpSum: Money
    public var newSalary: Money?
    public var withinGuidelines: Bool
    /// `proposed` or `approved`.
    public var status: String
    public var version: Int
    public var approvedBy: String?
    public var approvedAt: Date?

    /// Merit: base increase plus lump sum; bonus: the payment. What the pool pays.
    var cost: Decimal { amount.amount + lumpSum.amount }

    enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case compCycleID = "comp_cycle_id"
        case employeeID = "employee_id"
        case kind, department
        case managerID = "manager_id"
        case jobLevel = "job_level"
        case appraisalID = "appraisal_id"
        case appraisalVersion = "appraisal_version"
        case ratingLevel = "rating_level"
        case ratingLabel = "rating_label"
        case scaleMax = "scale_max"
        case currentSalary = "current_salary"
        case band
        case compaRatio = "compa_ratio"
        case proration, zone, range
        case targetPercent = "target_percent"
        case individualMultiplier = "individual_multiplier"
        case planAmount = "plan_amount"
        case fit, percent, amount
        case lumpSum = "lump_sum"
        case newSalary = "new_salary"
        case withinGuidelines = "within_guidelines"
        case status, version
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
    }

    init(row: PostgresRow) throws {
        recommendationID = try row.decode("recommendation_id")
        compCycleID = try row.decode("comp_cycle_id")
        employeeID = try row.decode("employee_id")
        let kindText: String = try row.decode("kind")
        kind = RecommendationKind(rawValue: kindText) ?? .merit
        department = try row.decode("department")
        managerID = try row.decode("manager_id")
        jobLevel = try row.decode("job_level")
        appraisalID = try row.decode("appraisal_id")
        appraisalVersion = try row.decode("appraisal_version")
        ratingLevel = try row.decode("rating_level")
        ratingLabel = try row.decode("rating_label")
        scaleMax = try row.decode("scale_max")
        let currency: String = try row.decode("currency")
        let money = { (amount: Decimal) in Money(amount: amount, currency: currency) }
        let salary: Decimal = try row.decode("salary")
        currentSalary = money(salary)
        let mid: Decimal = try row.decode("band_mid")
        band = SalaryBand(minimum: money(try row.decode("band_min")), midpoint: money(mid), maximum: money(try row.decode("band_max")))
        compaRatio = mid == 0 ? 0 : MoneyMath.round(salary / mid, places: 4)
        proration = try row.decode("proration")
        zone = (try row.decode("zone", as: String?.self)).flatMap(SalaryZone.init(rawValue:))
        if let minimum: Decimal = try row.decode("minimum_percent") {
            range = MeritRange(
                minimumPercent: minimum, guidelinePercent: try row.decode("guideline_percent"), maximumPercent: try row.decode("maximum_percent"))
        } else {
            range = nil
        }
        targetPercent = try row.decode("target_percent")
        individualMultiplier = try row.decode("individual_multiplier")
        planAmount = (try row.decode("plan_amount", as: Decimal?.self)).map { money(MoneyMath.floor($0, currency: currency)) }
        fit = try row.decode("fit")
        percent = try row.decode("percent")
        amount = money(try row.decode("amount"))
        lumpSum = money(try row.decode("lump_sum"))
        newSalary = (try row.decode("new_salary", as: Decimal?.self)).map(money)
        withinGuidelines = try row.decode("within_guidelines")
        status = try row.decode("status")
        version = try row.decode("version")
        approvedBy = try row.decode("approved_by")
        approvedAt = try row.decode("approved_at")
    }
}
