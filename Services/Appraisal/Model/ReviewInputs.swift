import Foundation
import StrideContracts
import StridePostgres

/// What a manager reads while reviewing someone: the goal attainment the goals service
/// finalized for the cycle's period (each goal with its weight and attainment), and next to each
/// goal the coaching facts recorded about it (evidence), with the facts tied to no goal of the
/// attainment (improvement plans, other evidence) after them. Objective records only: nothing a
/// reviewer wrote.
public struct ReviewInputs: Encodable, Sendable, Equatable {
    public var appraisalID: String
    public var employeeID: String
    public var periodID: String
    /// The attainment's version (a correction from the goals service raises it); absent until
    /// the period's `AttainmentFinalized` has arrived.
    public var attainmentVersion: Int?
    /// The weighted attainment over all goals, in percent; absent with the attainment.
    @OptionalDecimalString public var weightedAttainmentPercent: Decimal?
    /// Each goal of the attainment with the coaching facts about it, in the attainment's order.
    public var goals: [GoalInput]
    /// Facts tied to no goal of the attainment, newest first.
    public var otherFacts: [CoachingFact]

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case periodID = "period_id"
        case attainmentVersion = "attainment_version"
        case weightedAttainmentPercent = "weighted_attainment_percent"
        case goals
        case otherFacts = "other_facts"
    }
}

/// One goal's line of ``ReviewInputs``.
public struct GoalInput: Encodable, Sendable, Equatable {
    public var attainment: GoalAttainment
    /// Coaching facts about the goal, newest first.
    public var facts: [CoachingFact]
}

/// A fact from the coaching stream: an evidence entry, an improvement plan started or closed.
public struct CoachingFact: Encodable, Sendable, Equatable {
    /// `evidence_<kind>`, `improvement_plan_started`, `improvement_plan_<outcome>`.
    public var kind: String
    public var goalID: String?
    public var occurredOn: CalendarDate
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case kind
        case goalID = "goal_id"
        case occurredOn = "occurred_on"
        case summary
    }

    init(row: PostgresRow) throws {
        kind = try row.decode("kind", as: String.self)
        goalID = try row.decode("goal_id", as: String?.self)
        occurredOn = try row.decode("occurred_on")
        summary = try row.decode("summary", as: String.self)
    }
}
