import StrideContracts

// The JSON bodies the demo sends to the coaching API's feedback-interview routes
// (deploy/openapi/coaching.yaml).

/// `PUT /v1/feedback-interviews/{id}/record` as the manager writes it: the whole record but the
/// employee's view.
struct InterviewRecordBody: Encodable, Sendable {
    var heldOn: CalendarDate
    var achievementsAffirmed: [String]
    var gapsIdentified: [String]
    var agreedActions: [String]
    var developmentNeeds: [String]
    var nextCycleGoals: [GoalSuggestion]

    enum CodingKeys: String, CodingKey {
        case heldOn = "held_on"
        case achievementsAffirmed = "achievements_affirmed"
        case gapsIdentified = "gaps_identified"
        case agreedActions = "agreed_actions"
        case developmentNeeds = "development_needs"
        case nextCycleGoals = "next_cycle_goals"
    }
}

/// `PUT /v1/feedback-interviews/{id}/record` as the employee writes it: only their own view.
struct EmployeeViewBody: Encodable, Sendable {
    var employeeView: String

    enum CodingKeys: String, CodingKey {
        case employeeView = "employee_view"
    }
}
