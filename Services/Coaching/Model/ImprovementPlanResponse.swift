import Foundation
import StrideContracts

/// An improvement plan as the API answers it: its content, where it is in its workflow
/// (draft → approved → in progress → succeeded or failed), its checkpoints with their reviews,
/// and the lost-update `version` a revision must send back.
public struct ImprovementPlanResponse: Encodable, Sendable {
    public var planID: String
    public var employeeID: String
    public var managerID: String
    public var hrPartnerID: String?
    public var appraisalID: String?
    public var authorID: String
    public var status: ImprovementPlanStatus
    public var reason: String
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    public var objectives: [ImprovementObjective]
    public var support: [SupportOfferResponse]
    public var checkpoints: [PlanCheckpointResponse]
    public var approvedBy: String?
    public var approvedAt: Date?
    public var acknowledgedOn: CalendarDate?
    public var extensionCount: Int
    public var closedOn: CalendarDate?
    public var closingReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case planID = "plan_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case hrPartnerID = "hr_partner_id"
        case appraisalID = "appraisal_id"
        case authorID = "author_id"
        case status, reason
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case objectives, support, checkpoints
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
        case acknowledgedOn = "acknowledged_on"
        case extensionCount = "extension_count"
        case closedOn = "closed_on"
        case closingReason = "closing_reason"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
    }

    init(_ stored: ImprovementPlanStore.StoredPlan) {
        let plan = stored.plan
        planID = plan.planID
        employeeID = plan.employeeID
        managerID = plan.content.managerID
        hrPartnerID = plan.content.hrPartnerID
        appraisalID = plan.content.appraisalID
        authorID = plan.authorID
        status = plan.status
        reason = plan.content.reason
        startsOn = plan.content.startsOn
        endsOn = plan.endsOn
        objectives = plan.content.objectives
        support = plan.content.support.map { SupportOfferResponse(kind: $0.kind, detail: $0.detail) }
        checkpoints = plan.checkpoints.map(PlanCheckpointResponse.init)
        approvedBy = plan.approvedBy
        approvedAt = stored.approvedAt
        acknowledgedOn = plan.acknowledgedOn
        extensionCount = plan.extensionCount
        closedOn = stored.closedOn
        closingReason = stored.closingReason
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
        version = stored.version
    }
}

/// One piece of support a plan offers: `{"kind": "mentoring", "detail": "…"}`.
public struct SupportOfferResponse: Codable, Sendable, Equatable {
    public var kind: SupportKind
    public var detail: String
}

/// A plan's checkpoint and, once held, its review.
public struct PlanCheckpointResponse: Encodable, Sendable {
    public var checkpointID: String
    public var dueOn: CalendarDate
    public var review: CheckpointReviewResponse?

    enum CodingKeys: String, CodingKey {
        case checkpointID = "checkpoint_id"
        case dueOn = "due_on"
        case review
    }

    init(_ checkpoint: PlanCheckpoint) {
        checkpointID = checkpoint.checkpointID
        dueOn = checkpoint.dueOn
        review = checkpoint.review.map(CheckpointReviewResponse.init)
    }
}

/// A checkpoint review: who, when, the verdict, objectives met so far and notes.
public struct CheckpointReviewResponse: Encodable, Sendable {
    public var reviewerID: String
    public var reviewedOn: CalendarDate
    public var assessment: CheckpointAssessment
    public var objectivesMet: Int
    public var notes: String?

    enum CodingKeys: String, CodingKey {
        case reviewerID = "reviewer_id"
        case reviewedOn = "reviewed_on"
        case assessment
        case objectivesMet = "objectives_met"
        case notes
    }

    init(_ review: CheckpointReview) {
        reviewerID = review.reviewerID
        reviewedOn = review.reviewedOn
        assessment = review.assessment
        objectivesMet = review.objectivesMet
        notes = review.notes
    }
}
