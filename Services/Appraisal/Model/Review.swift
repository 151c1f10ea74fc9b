import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// The state of a review. JSON: `nominated`, `requested`, `draft`, `submitted`, `declined`, `withdrawn`.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    /// A peer or external rater the employee nominated, awaiting the manager's approval.
    case nominated
    /// Asked for; nothing written yet.
    case requested
    /// Being written.
    case draft
    /// Final; counts in the score.
    case submitted
    /// The reviewer declined, with a reason.
    case declined
    /// No longer wanted (the nomination was rejected, or someone left).
    case withdrawn
}

/// A review as its reviewer (and HR) sees it: whom it is about, the template it is written
/// against, and what has been written so far. Nobody else ever gets this shape.
public struct ReviewRecord: Encodable, Sendable, Equatable {
    public var reviewID: String
    public var cycleID: String
    public var appraisalID: String
    public var employeeID: String
    public var reviewerID: String
    public var raterGroup: RaterGroup
    public var status: ReviewStatus
    public var dueOn: CalendarDate
    public var content: ReviewContent?
    public var declineReason: String?
    public var submittedAt: Date?
    public var templateID: String
    public var templateVersion: Int
    /// The cycle's current phase: whether the review can still be written.
    public var phase: CyclePhase
    /// The template's terms, for validating what is written.
    var terms: TemplateTerms

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case reviewerID = "reviewer_id"
        case raterGroup = "rater_group"
        case status
        case dueOn = "due_on"
        case content
        case declineReason = "decline_reason"
        case submittedAt = "submitted_at"
        case templateID = "template_id"
        case templateVersion = "template_version"
        case phase
    }

    init(row: PostgresRow) throws {
        reviewID = try row.decode("review_id")
        cycleID = try row.decode("cycle_id")
        appraisalID = try row.decode("appraisal_id")
        employeeID = try row.decode("employee_id")
        reviewerID = try row.decode("reviewer_id")
        raterGroup = RaterGroup(rawValue: try row.decode("rater_group")) ?? .peer
        status = ReviewStatus(rawValue: try row.decode("status")) ?? .withdrawn
        dueOn = try row.decode("due_on")
        content = try row.decode("content", as: PostgresJSON<ReviewContent>?.self)?.value
        declineReason = try row.decode("decline_reason")
        submittedAt = try row.decode("submitted_at")
        templateID = try row.decode("template_id")
        templateVersion = try row.decode("template_version")
        phase = CyclePhase(rawValue: try row.decode("phase")) ?? .closed
        terms = try row.decode("terms", as: PostgresJSON<TemplateTerms>.self).value
    }

    /// Whether the review can still be written or declined.
    var isOpen: Bool { [.requested, .draft].contains(status) }
}

/// `POST /v1/reviews/{id}/decline`: `{"reason"}`.
struct DeclineBody: Decodable, Sendable {
    var reason: String
}
