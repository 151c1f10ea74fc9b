import Foundation
import StrideContracts

// What the coaching part reads from the goals service's API (deploy/openapi/goals.yaml) beyond the
// kit's periods and attainments (GoalYear.swift): the drafts the feedback interviews lead to.

/// A goal, with the parts of its definition the demo prints.
struct GoalView: Decodable, Sendable {
    /// What the goal says.
    struct Definition: Decodable, Sendable {
        var title: String
        var description: String?
        var kind: String
        /// A decimal string, e.g. `"33.34"`.
        var weight: String
    }

    var goalID: String
    var periodID: String
    var ownerID: String
    var status: String
    var definition: Definition
    /// `coaching:<interview id>` for a draft a feedback interview suggested.
    var createdBy: String

    enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case periodID = "period_id"
        case ownerID = "owner_id"
        case status, definition
        case createdBy = "created_by"
    }
}
