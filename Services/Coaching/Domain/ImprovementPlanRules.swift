import StrideContracts
import StrideRuntime

/// The rules an improvement plan's content must meet: something measurable to achieve, real
/// support, dated checkpoints inside a bounded plan.
public enum ImprovementPlanRules {
    /// The longest reason, in characters.
    public static let maxReasonLength = 2000
    /// The most objectives a plan may have.
    public static let maxObjectives = 10
    /// The longest objective description or success measure, in characters.
    public static let maxObjectiveTextLength = 1000
    /// The most support offers a plan may list.
    public static let maxSupportOffers = 10
    /// The longest support detail, in characters.
    public static let maxSupportDetailLength = 500
    /// The most checkpoints a plan may have (extensions included).
    public static let maxCheckpoints = 12
    /// The longest checkpoint review notes or closing reason, in characters.
    public static let maxNotesLength = 4000

    /// Every rule the draft breaks.
    ///
    /// - `employee_id` differs from `manager_id` and the `author` (`.unprocessable`).
    /// - `reason` written, at most ``maxReasonLength`` (`.invalid`).
    /// - `ends_on` after `starts_on` and at most `policy.maxPlanDays` later (`.invalid`).
    /// - `objectives`: 1 to ``maxObjectives``, unique non-blank ids, each with a description and
    ///   a success measure of at most ``maxObjectiveTextLength`` (`.invalid`).
    /// - `support`: 1 to ``maxSupportOffers``, each detail written, at most
    ///   ``maxSupportDetailLength`` (`.invalid`): a plan without support is not a fair plan.
    /// - `checkpoints`: 1 to ``maxCheckpoints``, unique ids and days, each after `starts_on` and
    ///   on or before `ends_on`, none reviewed yet (`.invalid`).
    /// - Parameters:
    ///   - draft: the draft.
    ///   - authorID: who writes it.
    ///   - policy: the plan limits.
    public static func violations(
        of draft: ImprovementPlanDraft, authorID: String, policy: ImprovementPlanPolicy = .standard
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if draft.employeeID == draft.managerID || draft.employeeID == authorID {
            found.append(
                CoachingRuleViolation(
                    .unprocessable, field: "employee_id", "An improvement plan is written for someone else."))
        }
        FieldChecks.requiredText(draft.reason, field: "reason", name: "reason", maxLength: maxReasonLength, into: &found)
        checkDates(startsOn: draft.startsOn, endsOn: draft.endsOn, policy: policy, into: &found)
        checkObjectives(draft.objectives, into: &found)
        checkSupport(draft.support, into: &found)
        checkCheckpoints(
            draft.checkpoints, field: "checkpoints", after: draft.startsOn, through: draft.endsOn, existing: [],
            into: &found)
        return found
    }

    /// A plan's span: end after start, at most `policy.maxPlanDays` days.
    static func checkDates(
        startsOn: CalendarDate, endsOn: CalendarDate, policy: ImprovementPlanPolicy, field: String = "ends_on",
        into found: inout [CoachingRuleViolation]
    ) {
        let length = DayDistance.days(from: startsOn, to: endsOn)
        if length <= 0 {
            found.append(
                CoachingRuleViolation(.invalid, field: field, "The plan must end after it starts (\(startsOn)); \(endsOn) does not."))
        } else if length > policy.maxPlanDays {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: field, "The plan would run \(length) days; the most is \(policy.maxPlanDays)."))
        }
    }

    /// Checkpoints: a bounded number in total, unique ids and days, each in `(after, through]`, unreviewed.
    static func checkCheckpoints(
        _ checkpoints: [PlanCheckpoint], field: String, after start: CalendarDate, through end: CalendarDate,
        existing: [PlanCheckpoint], minCount: Int = 1, into found: inout [CoachingRuleViolation]
    ) {
        FieldChecks.count(
            existing.count + checkpoints.count, field: field, name: "checkpoints", minCount: minCount + existing.count,
            maxCount: maxCheckpoints, into: &found)
        var ids = Set(existing.map(\.checkpointID))
        var days = Set(existing.map(\.dueOn))
        for (index, checkpoint) in checkpoints.enumerated() {
            let at = "\(field)[\(index)]"
            if FieldChecks.isBlank(checkpoint.checkpointID) || !ids.insert(checkpoint.checkpointID).inserted {
                found.append(CoachingRuleViolation(.invalid, field: "\(at).checkpoint_id", "Each checkpoint needs its own id."))
            }
            if checkpoint.dueOn <= start || checkpoint.dueOn > end {
                found.append(
                    CoachingRuleViolation(
                        .invalid, field: "\(at).due_on",
                        "A checkpoint falls after \(start) and on or before \(end); \(checkpoint.dueOn) does not."))
            } else if !days.insert(checkpoint.dueOn).inserted {
                found.append(
                    CoachingRuleViolation(.invalid, field: "\(at).due_on", "Two checkpoints fall on \(checkpoint.dueOn)."))
            }
            if checkpoint.review != nil {
                found.append(
                    CoachingRuleViolation(.invalid, field: "\(at).review", "A new checkpoint has not been reviewed yet."))
            }
        }
    }

    private static func checkObjectives(_ objectives: [ImprovementObjective], into found: inout [CoachingRuleViolation]) {
        FieldChecks.count(
            objectives.count, field: "objectives", name: "objectives", minCount: 1, maxCount: maxObjectives, into: &found)
        var ids = Set<String>()
        for (index, objective) in objectives.enumerated() {
            let at = "objectives[\(index)]"
            if FieldChecks.isBlank(objective.objectiveID) || !ids.insert(objective.objectiveID).inserted {
                found.append(CoachingRuleViolation(.invalid, field: "\(at).objective_id", "Each objective needs its own id."))
            }
            FieldChecks.requiredText(
                objective.description, field: "\(at).description", name: "objective", maxLength: maxObjectiveTextLength,
                into: &found)
            FieldChecks.requiredText(
                objective.successMeasure, field: "\(at).success_measure", name: "success measure",
                maxLength: maxObjectiveTextLength, into: &found)
        }
    }

    private static func checkSupport(_ support: [SupportOffer], into found: inout [CoachingRuleViolation]) {
        FieldChecks.count(
            support.count, field: "support", name: "support offers", minCount: 1, maxCount: maxSupportOffers,
            into: &found)
        for (index, offer) in support.enumerated() {
            FieldChecks.requiredText(
                offer.detail, field: "support[\(index)].detail", name: "support detail",
                maxLength: maxSupportDetailLength, into: &found)
        }
    }
}
