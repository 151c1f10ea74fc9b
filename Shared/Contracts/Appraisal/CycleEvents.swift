import Foundation

/// A review cycle opened for a population (`stride.appraisal.v1`, key org unit id).
public struct CycleOpened: StrideEvent {
    public static let eventType = "stride.appraisal.cycle.opened.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { orgUnitID }

    /// The cycle.
    public var cycleID: String
    /// Display name, e.g. `2026 annual review`.
    public var name: String
    /// The org unit whose population takes part.
    public var orgUnitID: String
    /// The goal period whose attainment feeds the cycle.
    public var periodID: String
    /// The evaluation template.
    public var templateID: String
    /// The template's version.
    public var templateVersion: Int
    /// First day.
    public var startsOn: CalendarDate
    /// Last day.
    public var endsOn: CalendarDate
    /// Each phase's dates, in order.
    public var phases: [PhaseSchedule]
    /// Share of goal attainment in the final score, in percent.
    @DecimalString public var goalWeightPercent: Decimal
    /// Share of competencies in the final score, in percent (the two sum to 100).
    @DecimalString public var competencyWeightPercent: Decimal
    /// Minimum raters in a group before its feedback is shown (anonymity).
    public var minimumAnonymousRaters: Int
    /// Employees in the cycle.
    public var participantCount: Int
    /// Who opened it.
    public var actorID: String

    /// Creates the event.
    public init(
        cycleID: String, name: String, orgUnitID: String, periodID: String, templateID: String, templateVersion: Int,
        startsOn: CalendarDate, endsOn: CalendarDate, phases: [PhaseSchedule], goalWeightPercent: Decimal,
        competencyWeightPercent: Decimal, minimumAnonymousRaters: Int, participantCount: Int, actorID: String
    ) {
        self.cycleID = cycleID
        self.name = name
        self.orgUnitID = orgUnitID
        self.periodID = periodID
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.phases = phases
        self.goalWeightPercent = goalWeightPercent
        self.competencyWeightPercent = competencyWeightPercent
        self.minimumAnonymousRaters = minimumAnonymousRaters
        self.participantCount = participantCount
        self.actorID = actorID
    }

    private enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id"
        case name
        case orgUnitID = "org_unit_id"
        case periodID = "period_id"
        case templateID = "template_id"
        case templateVersion = "template_version"
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case phases
        case goalWeightPercent = "goal_weight_percent"
        case competencyWeightPercent = "competency_weight_percent"
        case minimumAnonymousRaters = "minimum_anonymous_raters"
        case participantCount = "participant_count"
        case actorID = "actor_id"
    }
}

/// A review cycle closed (`stride.appraisal.v1`, key org unit id).
public struct CycleClosed: StrideEvent {
    public static let eventType = "stride.appraisal.cycle.closed.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { orgUnitID }

    /// The cycle.
    public var cycleID: String
    /// The org unit whose population took part.
    public var orgUnitID: String
    /// Who closed it.
    public var actorID: String
    /// The day it closed.
    public var closedOn: CalendarDate
    /// Employees in the cycle.
    public var participantCount: Int
    /// Appraisals finalized.
    public var finalizedCount: Int
    /// Appraisals acknowledged by the employee.
    public var acknowledgedCount: Int
    /// Appraisals disputed.
    public var disputedCount: Int

    /// Creates the event.
    public init(
        cycleID: String, orgUnitID: String, actorID: String, closedOn: CalendarDate, participantCount: Int,
        finalizedCount: Int, acknowledgedCount: Int, disputedCount: Int
    ) {
        self.cycleID = cycleID
        self.orgUnitID = orgUnitID
        self.actorID = actorID
        self.closedOn = closedOn
        self.participantCount = participantCount
        self.finalizedCount = finalizedCount
        self.acknowledgedCount = acknowledgedCount
        self.disputedCount = disputedCount
    }

    private enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id"
        case orgUnitID = "org_unit_id"
        case actorID = "actor_id"
        case closedOn = "closed_on"
        case participantCount = "participant_count"
        case finalizedCount = "finalized_count"
        case acknowledgedCount = "acknowledged_count"
        case disputedCount = "disputed_count"
    }
}
