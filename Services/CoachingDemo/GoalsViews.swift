import Foundation
import StrideContracts

// What the coaching part reads from the goals service's API (deploy/openapi/goals.yaml): the
// periods, the year's finalized attainment, and the drafts the feedback interviews lead to.

/// A goal period.
struct PeriodView: Decodable, Sendable {
    var periodID: String
    var orgUnitID: String
    var name: String
    /// `year`, `half` or `quarter`.
    var kind: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var parentPeriodID: String?
    /// `open` or `closed`.
    var status: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case orgUnitID = "org_unit_id"
        case name, kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case parentPeriodID = "parent_period_id"
        case status
        case createdAt = "created_at"
    }
}

/// An employee's finalized weighted attainment in a closed period.
struct AttainmentView: Decodable, Sendable {
    var employeeID: String
    /// A decimal string, e.g. `"87.5"`.
    var weightedAttainmentPercent: String

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case weightedAttainmentPercent = "weighted_attainment_percent"
    }

    /// The attainment as a number.
    var percent: Double { Double(weightedAttainmentPercent) ?? 0 }
}

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
