import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/comp-cycles`: a compensation cycle bound to an appraisal cycle, with its period
/// (for proration), the day increases take effect, the bonus payout day and the plan.
struct NewCompCycle: Decodable, Sendable {
    var name: String
    var appraisalCycleID: String
    var periodStart: CalendarDate
    var periodEnd: CalendarDate
    var effectiveDate: CalendarDate
    var payoutDate: CalendarDate
    var plan: CompensationPlan

    enum CodingKeys: String, CodingKey {
        case name
        case appraisalCycleID = "appraisal_cycle_id"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case effectiveDate = "effective_date"
        case payoutDate = "payout_date"
        case plan
    }

    /// Every problem with the request, each naming its field.
    func violations() -> [IncentivesRuleViolation] {
        var found: [IncentivesRuleViolation] = []
        FieldChecks.requiredText(name, field: "name", name: "name", maxLength: 200, into: &found)
        FieldChecks.requiredText(appraisalCycleID, field: "appraisal_cycle_id", name: "appraisal cycle", maxLength: 100, into: &found)
        if periodEnd < periodStart {
            found.append(IncentivesRuleViolation(.invalid, field: "period_end", "The period ends on or after its start."))
        } else if periodEnd.daysSince(periodStart) > 3_660 {
            found.append(IncentivesRuleViolation(.invalid, field: "period_end", "A period is at most ten years long."))
        }
        if effectiveDate < periodStart {
            found.append(IncentivesRuleViolation(.invalid, field: "effective_date", "Increases take effect after the period starts."))
        }
        if payoutDate < periodStart {
            found.append(IncentivesRuleViolation(.invalid, field: "payout_date", "Bonuses are paid after the period starts."))
        }
        found += plan.violations().map {
            IncentivesRuleViolation($0.kind, field: $0.field.map { "plan.\($0)" }, $0.message)
        }
        return found
    }
}

/// A compensation cycle as HR sees it.
public struct CompCycle: Encodable, Sendable, Equatable {
    public var compCycleID: String
    public var name: String
    public var appraisalCycleID: String
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    public var effectiveDate: CalendarDate
    public var payoutDate: CalendarDate
    public var plan: CompensationPlan
    /// `open` (no run yet), `run` (recommendations exist), `released` (employees see their letters).
    public var status: String
    public var runs: Int
    public var lastRunAt: Date?
    public var releasedAt: Date?
    public var createdBy: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case compCycleID = "comp_cycle_id"
        case name
        case appraisalCycleID = "appraisal_cycle_id"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case effectiveDate = "effective_date"
        case payoutDate = "payout_date"
        case plan, status, runs
        case lastRunAt = "last_run_at"
        case releasedAt = "released_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        compCycleID = try row.decode("comp_cycle_id")
        name = try row.decode("name")
        appraisalCycleID = try row.decode("appraisal_cycle_id")
        periodStart = try row.decode("period_start")
        periodEnd = try row.decode("period_end")
        effectiveDate = try row.decode("effective_date")
        payoutDate = try row.decode("payout_date")
        plan = try row.decode("plan", as: PostgresJSON<CompensationPlan>.self).value
        status = try row.decode("status")
        runs = try row.decode("runs")
        lastRunAt = try row.decode("last_run_at")
        releasedAt = try row.decode("released_at")
        createdBy = try row.decode("created_by")
        createdAt = try row.decode("created_at")
    }
}
