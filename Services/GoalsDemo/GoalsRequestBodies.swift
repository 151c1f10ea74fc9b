import Foundation
import StrideContracts
import StrideDemoKit

// The JSON bodies the demo sends to the goals API (deploy/openapi/goals.yaml), as a client
// writes them: snake_case keys, decimals as strings, dates as YYYY-MM-DD.

/// `POST /v1/periods`.
struct PeriodBody: Encodable {
    var name: String
    var kind: GoalPeriodKind
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var orgUnitID: String

    enum CodingKeys: String, CodingKey {
        case name, kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case orgUnitID = "org_unit_id"
    }
}

/// `POST /v1/goals`: the period, the owner and the goal's definition, flat.
struct GoalBody: Encodable {
    var periodID: String
    var ownerID: String?
    var level: GoalLevel
    var title: String
    var kind: GoalKind
    var parentGoalID: String?
    @DecimalString var weight: Decimal
    var measure: GoalMeasure?
    var keyResults: [KeyResult] = []

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case ownerID = "owner_id"
        case level, title, kind
        case parentGoalID = "parent_goal_id"
        case weight, measure
        case keyResults = "key_results"
    }
}

/// `POST /v1/templates`.
struct TemplateBody: Encodable {
    var title: String
    var kind: GoalKind
    @DecimalString var weight: Decimal
    var measure: GoalMeasure?
    var keyResults: [KeyResult] = []

    enum CodingKeys: String, CodingKey {
        case title, kind, weight, measure
        case keyResults = "key_results"
    }
}

/// `POST /v1/templates/{id}/assignments`: everyone in a department, under a parent goal.
struct AssignmentBody: Encodable {
    var periodID: String
    var parentGoalID: String
    var department: String

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case parentGoalID = "parent_goal_id"
        case department
    }
}

/// `POST /v1/goals/{id}/progress`: a KPI's value, a milestone's done flag, or one key result's value.
struct ProgressBody: Encodable {
    var value: Decimal?
    var done: Bool?
    var keyResultID: String?
    var comment: String?
    var evidenceURL: String?

    enum CodingKeys: String, CodingKey {
        case value, done
        case keyResultID = "key_result_id"
        case comment
        case evidenceURL = "evidence_url"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let value { try container.encode(DecimalString(wrappedValue: value), forKey: .value) }
        try container.encodeIfPresent(done, forKey: .done)
        try container.encodeIfPresent(keyResultID, forKey: .keyResultID)
        try container.encodeIfPresent(comment, forKey: .comment)
        try container.encodeIfPresent(evidenceURL, forKey: .evidenceURL)
    }
}

/// `{"comment": …}` for submit and approve, `{"reason": …}` for return.
struct NoteBody: Encodable {
    var comment: String?
    var reason: String?
}

/// `PATCH /v1/goals/{id}` adding a due date.
struct DueDatePatch: Encodable {
    var dueDate: CalendarDate

    enum CodingKeys: String, CodingKey {
        case dueDate = "due_date"
    }
}

/// No body.
struct EmptyBody: Encodable {}
