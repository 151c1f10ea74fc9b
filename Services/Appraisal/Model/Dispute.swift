import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/appraisals/{id}/disputes`: `{"disputed_fields", "reason"}`.
struct NewDispute: Decodable, Sendable {
    var disputedFields: [String]
    var reason: String

    enum CodingKeys: String, CodingKey {
        case disputedFields = "disputed_fields"
        case reason
    }

    /// The parts of an appraisal an employee may dispute.
    static let disputable: Set<String> = ["rating", "potential", "goal_score", "competency_score", "final_score"]
}

/// `POST /v1/disputes/{id}/resolve`: `{"resolution", "comment", "rating_level"?, "potential"?}`;
/// `amended` needs a new rating level or potential.
struct DisputeResolutionBody: Decodable, Sendable {
    var resolution: DisputeResolution
    var comment: String
    var ratingLevel: Int?
    var potential: TalentLevel?

    enum CodingKeys: String, CodingKey {
        case resolution, comment
        case ratingLevel = "rating_level"
        case potential
    }
}

/// A dispute as stored and shown to the employee, their reporting line and HR.
public struct DisputeRecord: Encodable, Sendable, Equatable {
    public var disputeID: String
    public var appraisalID: String
    public var employeeID: String
    public var cycleID: String
    public var version: Int
    public var disputedFields: [String]
    public var reason: String
    public var status: String
    public var raisedBy: String
    public var raisedAt: Date
    public var resolvedBy: String?
    public var resolvedAt: Date?
    public var resolutionComment: String?

    enum CodingKeys: String, CodingKey {
        case disputeID = "dispute_id"
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case version
        case disputedFields = "disputed_fields"
        case reason, status
        case raisedBy = "raised_by"
        case raisedAt = "raised_at"
        case resolvedBy = "resolved_by"
        case resolvedAt = "resolved_at"
        case resolutionComment = "resolution_comment"
    }

    init(row: PostgresRow) throws {
        disputeID = try row.decode("dispute_id")
        appraisalID = try row.decode("appraisal_id")
        employeeID = try row.decode("employee_id")
        cycleID = try row.decode("cycle_id")
        version = try row.decode("version")
        disputedFields = try row.decode("disputed_fields")
        reason = try row.decode("reason")
        status = try row.decode("status")
        raisedBy = try row.decode("raised_by")
        raisedAt = try row.decode("raised_at")
        resolvedBy = try row.decode("resolved_by")
        resolvedAt = try row.decode("resolved_at")
        resolutionComment = try row.decode("resolution_comment")
    }
}
