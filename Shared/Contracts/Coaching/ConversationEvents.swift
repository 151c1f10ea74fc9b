/// A manager–employee check-in took place (`stride.coaching.v1`, key employee id).
/// Notes stay in Coaching; the event carries the facts analytics and appraisal need.
public struct CheckInRecorded: StrideEvent {
    public static let eventType = "stride.coaching.check-in.recorded.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The check-in.
    public var checkInID: String
    /// The employee.
    public var employeeID: String
    /// The manager.
    public var managerID: String
    /// Who recorded it.
    public var actorID: String
    /// The day it took place.
    public var heldOn: CalendarDate
    /// The agreed cadence.
    public var cadence: CheckInCadence
    /// Goals discussed.
    public var goalIDs: [String]
    /// Blockers the employee raised.
    public var blockerCount: Int
    /// The next planned check-in, if scheduled.
    public var nextCheckInOn: CalendarDate?

    /// Creates the event.
    public init(
        checkInID: String, employeeID: String, managerID: String, actorID: String, heldOn: CalendarDate,
        cadence: CheckInCadence, goalIDs: [String], blockerCount: Int, nextCheckInOn: CalendarDate?
    ) {
        self.checkInID = checkInID
        self.employeeID = employeeID
        self.managerID = managerID
        self.actorID = actorID
        self.heldOn = heldOn
        self.cadence = cadence
        self.goalIDs = goalIDs
        self.blockerCount = blockerCount
        self.nextCheckInOn = nextCheckInOn
    }

    private enum CodingKeys: String, CodingKey {
        case checkInID = "check_in_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case actorID = "actor_id"
        case heldOn = "held_on"
        case cadence
        case goalIDs = "goal_ids"
        case blockerCount = "blocker_count"
        case nextCheckInOn = "next_check_in_on"
    }
}

/// A 1:1 meeting was held (`stride.coaching.v1`, key employee id). Private notes are not published.
public struct OneOnOneCompleted: StrideEvent {
    public static let eventType = "stride.coaching.one-on-one.completed.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The meeting.
    public var meetingID: String
    /// The employee.
    public var employeeID: String
    /// The manager.
    public var managerID: String
    /// Who marked it completed.
    public var actorID: String
    /// The day it took place.
    public var heldOn: CalendarDate
    /// Length in minutes.
    public var durationMinutes: Int
    /// Agenda items covered.
    public var agendaItemCount: Int
    /// Goals discussed.
    public var goalIDs: [String]
    /// Action items agreed.
    public var actionItems: [ActionItem]

    /// Creates the event.
    public init(
        meetingID: String, employeeID: String, managerID: String, actorID: String, heldOn: CalendarDate,
        durationMinutes: Int, agendaItemCount: Int, goalIDs: [String], actionItems: [ActionItem]
    ) {
        self.meetingID = meetingID
        self.employeeID = employeeID
        self.managerID = managerID
        self.actorID = actorID
        self.heldOn = heldOn
        self.durationMinutes = durationMinutes
        self.agendaItemCount = agendaItemCount
        self.goalIDs = goalIDs
        self.actionItems = actionItems
    }

    private enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case actorID = "actor_id"
        case heldOn = "held_on"
        case durationMinutes = "duration_minutes"
        case agendaItemCount = "agenda_item_count"
        case goalIDs = "goal_ids"
        case actionItems = "action_items"
    }
}

/// Someone gave an employee feedback (`stride.coaching.v1`, key recipient's employee id).
///
/// - Important: `message` is present only for `shared` feedback; private feedback's text never
///   leaves Coaching.
public struct FeedbackGiven: StrideEvent {
    public static let eventType = "stride.coaching.feedback.given.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The feedback.
    public var feedbackID: String
    /// The recipient.
    public var employeeID: String
    /// The giver (anyone in the company).
    public var actorID: String
    /// Praise or constructive.
    public var kind: FeedbackKind
    /// Private or shared.
    public var visibility: FeedbackVisibility
    /// The competency it relates to, if any.
    public var competencyID: String?
    /// The goal it relates to, if any.
    public var goalID: String?
    /// The text, for shared feedback only.
    public var message: String?

    /// Creates the event.
    public init(
        feedbackID: String, employeeID: String, actorID: String, kind: FeedbackKind, visibility: FeedbackVisibility,
        competencyID: String?, goalID: String?, message: String?
    ) {
        self.feedbackID = feedbackID
        self.employeeID = employeeID
        self.actorID = actorID
        self.kind = kind
        self.visibility = visibility
        self.competencyID = competencyID
        self.goalID = goalID
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case feedbackID = "feedback_id"
        case employeeID = "employee_id"
        case actorID = "actor_id"
        case kind
        case visibility
        case competencyID = "competency_id"
        case goalID = "goal_id"
        case message
    }
}

/// An objective performance record was added to an employee's evidence journal
/// (`stride.coaching.v1`, key employee id).
public struct EvidenceLogged: StrideEvent {
    public static let eventType = "stride.coaching.evidence.logged.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The entry.
    public var evidenceID: String
    /// The employee it is about.
    public var employeeID: String
    /// Who logged it.
    public var actorID: String
    /// What it records.
    public var kind: EvidenceKind
    /// The day it happened.
    public var occurredOn: CalendarDate
    /// A factual one-line summary.
    public var summary: String
    /// The goal it supports, if any.
    public var goalID: String?
    /// The competency it shows, if any.
    public var competencyID: String?
    /// A link to the record (ticket, document), if any.
    public var linkURL: String?

    /// Creates the event.
    public init(
        evidenceID: String, employeeID: String, actorID: String, kind: EvidenceKind, occurredOn: CalendarDate,
        summary: String, goalID: String?, competencyID: String?, linkURL: String?
    ) {
        self.evidenceID = evidenceID
        self.employeeID = employeeID
        self.actorID = actorID
        self.kind = kind
        self.occurredOn = occurredOn
        self.summary = summary
        self.goalID = goalID
        self.competencyID = competencyID
        self.linkURL = linkURL
    }

    private enum CodingKeys: String, CodingKey {
        case evidenceID = "evidence_id"
        case employeeID = "employee_id"
        case actorID = "actor_id"
        case kind
        case occurredOn = "occurred_on"
        case summary
        case goalID = "goal_id"
        case competencyID = "competency_id"
        case linkURL = "link_url"
    }
}
