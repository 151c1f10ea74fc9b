import Foundation
import StrideContracts

/// A feedback interview as the API answers it: the appraisal it follows, when it is planned and
/// due, its record once written, and the two sign-offs that complete it.
public struct FeedbackInterviewResponse: Encodable, Sendable {
    public var interviewID: String
    public var appraisalID: String
    public var appraisalVersion: Int
    public var cycleID: String
    public var employeeID: String
    public var managerID: String
    public var status: FeedbackInterviewStatus
    public var finalizedOn: CalendarDate
    public var dueOn: CalendarDate
    public var scheduledOn: CalendarDate
    public var record: FeedbackInterviewDocument?
    public var managerSignedAt: Date?
    public var employeeSignedAt: Date?
    public var completedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case interviewID = "interview_id"
        case appraisalID = "appraisal_id"
        case appraisalVersion = "appraisal_version"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case status
        case finalizedOn = "finalized_on"
        case dueOn = "due_on"
        case scheduledOn = "scheduled_on"
        case record
        case managerSignedAt = "manager_signed_at"
        case employeeSignedAt = "employee_signed_at"
        case completedAt = "completed_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
    }

    init(_ stored: InterviewStore.StoredInterview) {
        let interview = stored.interview
        interviewID = interview.interviewID
        appraisalID = interview.appraisalID
        appraisalVersion = stored.appraisalVersion
        cycleID = interview.cycleID
        employeeID = interview.employeeID
        managerID = interview.managerID
        status = interview.status
        finalizedOn = interview.finalizedOn
        dueOn = stored.dueOn
        scheduledOn = interview.scheduledOn
        record = stored.document
        managerSignedAt = stored.managerSignedAt
        employeeSignedAt = stored.employeeSignedAt
        completedAt = stored.completedAt
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
        version = stored.version
    }
}

/// An interview's record as stored (the `record` column) and answered: the domain's
/// ``FeedbackInterviewRecord`` and who wrote it.
public struct FeedbackInterviewDocument: Codable, Sendable, Equatable {
    public var heldOn: CalendarDate
    public var achievementsAffirmed: [String]
    public var gapsIdentified: [String]
    public var employeeView: String?
    public var agreedActions: [String]
    public var developmentNeeds: [String]
    public var nextCycleGoals: [GoalSuggestion]
    public var improvementPlanID: String?
    /// The manager who wrote the record (the event's `actor_id`).
    public var recordedBy: String

    enum CodingKeys: String, CodingKey {
        case heldOn = "held_on"
        case achievementsAffirmed = "achievements_affirmed"
        case gapsIdentified = "gaps_identified"
        case employeeView = "employee_view"
        case agreedActions = "agreed_actions"
        case developmentNeeds = "development_needs"
        case nextCycleGoals = "next_cycle_goals"
        case improvementPlanID = "improvement_plan_id"
        case recordedBy = "recorded_by"
    }

    init(_ record: FeedbackInterviewRecord, recordedBy: String) {
        heldOn = record.heldOn
        achievementsAffirmed = record.achievementsAffirmed
        gapsIdentified = record.gapsIdentified
        employeeView = record.employeeView
        agreedActions = record.agreedActions
        developmentNeeds = record.developmentNeeds
        nextCycleGoals = record.nextCycleGoals
        improvementPlanID = record.improvementPlanID
        self.recordedBy = recordedBy
    }

    /// The domain's record.
    var record: FeedbackInterviewRecord {
        FeedbackInterviewRecord(
            heldOn: heldOn, achievementsAffirmed: achievementsAffirmed, gapsIdentified: gapsIdentified,
            employeeView: employeeView, agreedActions: agreedActions, developmentNeeds: developmentNeeds,
            nextCycleGoals: nextCycleGoals, improvementPlanID: improvementPlanID)
    }
}
