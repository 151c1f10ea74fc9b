import Foundation
import StrideContracts
import StrideRuntime

/// `PUT /v1/feedback-interviews/{interviewID}/record`. The manager sends the whole record
/// (`held_on` required, lists default to empty, no `employee_view`); the employee sends only
/// `employee_view` (a string, or null to withdraw it). Which fields were sent is kept, so each
/// side's rule can name a field that does not belong.
struct InterviewRecordBody: Decodable {
    var heldOn: CalendarDate?
    var achievementsAffirmed: [String]?
    var gapsIdentified: [String]?
    var employeeView: String?
    var agreedActions: [String]?
    var developmentNeeds: [String]?
    var nextCycleGoals: [GoalSuggestion]?
    var improvementPlanID: String?
    /// The JSON names of the fields present, in the order of ``Keys``.
    var present: [String]

    enum Keys: String, CodingKey, CaseIterable {
        case heldOn = "held_on"
        case achievementsAffirmed = "achievements_affirmed"
        case gapsIdentified = "gaps_identified"
        case employeeView = "employee_view"
        case agreedActions = "agreed_actions"
        case developmentNeeds = "development_needs"
        case nextCycleGoals = "next_cycle_goals"
        case improvementPlanID = "improvement_plan_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        heldOn = try container.decodeIfPresent(CalendarDate.self, forKey: .heldOn)
        achievementsAffirmed = try container.decodeIfPresent([String].self, forKey: .achievementsAffirmed)
        gapsIdentified = try container.decodeIfPresent([String].self, forKey: .gapsIdentified)
        employeeView = try container.decodeIfPresent(String.self, forKey: .employeeView)
        agreedActions = try container.decodeIfPresent([String].self, forKey: .agreedActions)
        developmentNeeds = try container.decodeIfPresent([String].self, forKey: .developmentNeeds)
        nextCycleGoals = try container.decodeIfPresent([GoalSuggestion].self, forKey: .nextCycleGoals)
        improvementPlanID = try container.decodeIfPresent(String.self, forKey: .improvementPlanID)
        present = Keys.allCases.filter(container.contains).map(\.rawValue)
    }
}
