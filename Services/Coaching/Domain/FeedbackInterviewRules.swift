import Foundation
import StrideContracts
import StrideRuntime

/// The rules a feedback interview record must meet.
public enum FeedbackInterviewRules {
    /// The most entries in each list (achievements, gaps, actions, development needs).
    public static let maxEntries = 10
    /// The longest entry, in characters.
    public static let maxEntryLength = 500
    /// The longest employee's view, in characters.
    public static let maxEmployeeViewLength = 4000
    /// The most goals suggested for the next cycle.
    public static let maxGoalSuggestions = 10
    /// The longest suggested goal title, in characters (the goals service's title limit).
    public static let maxGoalTitleLength = 200
    /// The longest suggestion rationale, in characters.
    public static let maxRationaleLength = 1000

    /// Every rule the record breaks, each `.invalid`: `held_on` from `finalizedOn` to `today`;
    /// `achievements_affirmed`, `gaps_identified` and `development_needs` at most ``maxEntries``,
    /// `agreed_actions` 1 to ``maxEntries`` (an interview agrees something), every entry written
    /// and at most ``maxEntryLength``; `employee_view` at most ``maxEmployeeViewLength``;
    /// `next_cycle_goals` at most ``maxGoalSuggestions``, each titled (at most
    /// ``maxGoalTitleLength``, no two the same ignoring case), rationale at most
    /// ``maxRationaleLength``; `improvement_plan_id` not blank when present.
    /// - Parameters:
    ///   - record: the record.
    ///   - finalizedOn: the day the appraisal was finalized.
    ///   - today: the day of the request.
    public static func violations(
        of record: FeedbackInterviewRecord, finalizedOn: CalendarDate, today: CalendarDate
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if record.heldOn < finalizedOn || record.heldOn > today {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "held_on",
                    "The interview is held after the appraisal (\(finalizedOn)) and recorded afterwards; \(record.heldOn) does not fit."))
        }
        let lists: [(String, String, [String], Int)] = [
            ("achievements_affirmed", "achievements", record.achievementsAffirmed, 0),
            ("gaps_identified", "gaps", record.gapsIdentified, 0),
            ("agreed_actions", "agreed actions", record.agreedActions, 1),
            ("development_needs", "development needs", record.developmentNeeds, 0),
        ]
        for (field, name, items, minCount) in lists {
            FieldChecks.lines(
                items, field: field, name: name, minCount: minCount, maxCount: maxEntries, maxLength: maxEntryLength,
                into: &found)
        }
        FieldChecks.optionalText(
            record.employeeView, field: "employee_view", name: "employee's view", maxLength: maxEmployeeViewLength,
            into: &found)
        checkSuggestions(record.nextCycleGoals, into: &found)
        if let planID = record.improvementPlanID, FieldChecks.isBlank(planID) {
            found.append(CoachingRuleViolation(.invalid, field: "improvement_plan_id", "The improvement plan id is empty."))
        }
        return found
    }

    private static func checkSuggestions(_ suggestions: [GoalSuggestion], into found: inout [CoachingRuleViolation]) {
        FieldChecks.count(
            suggestions.count, field: "next_cycle_goals", name: "suggested goals", maxCount: maxGoalSuggestions,
            into: &found)
        var titles = Set<String>()
        for (index, suggestion) in suggestions.enumerated() {
            let at = "next_cycle_goals[\(index)]"
            FieldChecks.requiredText(
                suggestion.title, field: "\(at).title", name: "goal title", maxLength: maxGoalTitleLength, into: &found)
            let key = suggestion.title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if !key.isEmpty, !titles.insert(key).inserted {
                found.append(
                    CoachingRuleViolation(.invalid, field: "\(at).title", "\"\(suggestion.title)\" is suggested twice."))
            }
            FieldChecks.optionalText(
                suggestion.rationale, field: "\(at).rationale", name: "rationale", maxLength: maxRationaleLength,
                into: &found)
        }
    }
}
