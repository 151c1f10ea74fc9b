import Foundation
import StrideContracts
import StrideDemoKit

/// What a feedback interview records, by how the appraisal came out: achievements affirmed, gaps,
/// the improvement actions agreed, development needs, goals suggested for the next cycle, and
/// what the employee says about it. Plain data; the step decides who writes what.
enum InterviewScenario {
    /// The manager's part of the record of an interview about `result`, held on `heldOn`.
    static func record(for result: AppraisalResult, heldOn: CalendarDate) -> InterviewRecordBody {
        let attained = "Reached \(DemoFormat.percent(result.attainment)) of the year's goals, weighted"
        switch result.appraisal.ratingLevel {
        case 4...:
            return InterviewRecordBody(
                heldOn: heldOn,
                achievementsAffirmed: [attained, "Led the team's biggest delivery of the year"],
                gapsIdentified: ["Delegates too little; the team depends on them for hard problems"],
                agreedActions: ["Hand one workstream to a colleague by the end of Q1", "Share the delivery playbook in a team session"],
                developmentNeeds: ["Leadership programme for first-time leads"],
                nextCycleGoals: [
                    GoalSuggestion(title: "Lead a cross-team initiative", kind: .objective, rationale: "Ready for a broader scope"),
                    GoalSuggestion(title: "Coach two colleagues through their first quarter", kind: .milestone, rationale: "Grow others, not only the work"),
                    GoalSuggestion(title: "Keep goal attainment at 100 % or more", kind: .kpi, rationale: "Sustain this year's results"),
                ])
        case 3:
            return InterviewRecordBody(
                heldOn: heldOn,
                achievementsAffirmed: [attained, "Reliable on the team's commitments"],
                gapsIdentified: ["Estimates too optimistic in busy months"],
                agreedActions: ["Review estimates with the manager once a month"],
                developmentNeeds: ["Planning and estimation course"],
                nextCycleGoals: [
                    GoalSuggestion(title: "Deliver every quarterly commitment on time", kind: .kpi, rationale: "Close the planning gap"),
                    GoalSuggestion(title: "Complete the planning and estimation course", kind: .milestone, rationale: nil),
                ])
        default:
            return InterviewRecordBody(
                heldOn: heldOn,
                achievementsAffirmed: ["Kept their customers and colleagues informed through a hard year"],
                gapsIdentified: [attained, "Commitments missed in busy months"],
                agreedActions: ["Weekly check-in on priorities with the manager", "Agree fewer, clearer goals for next year"],
                developmentNeeds: ["Time management and prioritisation"],
                nextCycleGoals: [
                    GoalSuggestion(title: "Meet every monthly commitment for two quarters", kind: .kpi, rationale: "The year's main gap"),
                    GoalSuggestion(title: "Finish the prioritisation workshop", kind: .milestone, rationale: nil),
                ])
        }
    }

    /// What the employee adds in their own words.
    static func employeeView(for result: AppraisalResult) -> String {
        switch result.appraisal.ratingLevel {
        case 4...: "A fair picture. I want the broader scope, and help letting go of the hands-on work."
        case 3: "Fair. The busy months were hard to plan; the course and monthly reviews should help."
        default: "It was a hard year. I agree with the gaps and want the weekly check-ins to keep me on track."
        }
    }
}
