import Foundation
import StrideContracts

/// The rules a goal's definition must meet before it can be saved: a title, a valid weight, and
/// a measure that fits its kind and can actually be scored. Every violation is reported at once
/// so the owner can fix the whole form in one go.
public enum GoalDefinitionRules {
    /// The longest title, in characters.
    public static let maxTitleLength = 200
    /// The longest description, in characters.
    public static let maxDescriptionLength = 4000
    /// The longest progress or review comment, in characters.
    public static let maxCommentLength = 2000
    /// The most key results an objective may have.
    public static let maxKeyResults = 10

    /// Every rule the definition breaks (empty when it is valid), each naming its JSON field in
    /// snake_case (`title`, `measure.target_value`, `key_results[2].weight`).
    ///
    /// - Title non-empty after trimming whitespace, at most ``maxTitleLength`` characters; description
    ///   at most ``maxDescriptionLength``; weight as ``WeightRules/validate(weight:)``.
    /// - A KPI has a measure and no other kind does; an objective has 1…``maxKeyResults`` key results
    ///   and no other kind has any; a milestone has neither.
    /// - Key results: non-empty unique ids, valid weights summing to 100, target different from start.
    /// - KPI measure: a unit; `increase` needs target ≥ start, `decrease` target ≤ start;
    ///   `stay_within_range` needs a lower and/or upper bound, lower ≤ upper.
    /// - Parameter definition: the definition as submitted.
    public static func violations(of definition: GoalDefinition) -> [GoalRuleViolation] {
        var found: [GoalRuleViolation] = []
        checkText(of: definition, into: &found)
        if let problem = WeightRules.problem(with: definition.weight) {
            found.append(GoalRuleViolation(.invalidWeight, field: "weight", problem))
        }
        checkMeasure(of: definition, into: &found)
        checkKeyResults(of: definition, into: &found)
        return found
    }

    private static func checkText(of definition: GoalDefinition, into found: inout [GoalRuleViolation]) {
        if definition.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            found.append(GoalRuleViolation(.invalidField, field: "title", "Give the goal a title."))
        } else if definition.title.count > maxTitleLength {
            found.append(
                GoalRuleViolation(
                    .invalidField, field: "title",
                    "The title has \(definition.title.count) characters; the most is \(maxTitleLength)."))
        }
        if let description = definition.description, description.count > maxDescriptionLength {
            found.append(
                GoalRuleViolation(
                    .invalidField, field: "description",
                    "The description has \(description.count) characters; the most is \(maxDescriptionLength)."))
        }
    }

    private static func checkMeasure(of definition: GoalDefinition, into found: inout [GoalRuleViolation]) {
        guard let measure = definition.measure else {
            if definition.kind == .kpi {
                found.append(
                    GoalRuleViolation(
                        .invalidMeasure, field: "measure",
                        "A KPI goal needs a measure: unit, direction, start and target."))
            }
            return
        }
        guard definition.kind == .kpi else {
            found.append(
                GoalRuleViolation(
                    .invalidMeasure, field: "measure",
                    "Only a KPI goal has a measure; remove it from this \(definition.kind.rawValue) goal."))
            return
        }
        if measure.unit.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            found.append(
                GoalRuleViolation(
                    .invalidMeasure, field: "measure.unit", "Give the measure a unit, e.g. EUR or percent."))
        }
        switch measure.direction {
        case .increase where measure.targetValue < measure.startValue:
            found.append(
                GoalRuleViolation(
                    .invalidMeasure, field: "measure.target_value",
                    "An increasing KPI needs a target of at least its start value (\(measure.startValue))."))
        case .decrease where measure.targetValue > measure.startValue:
            found.append(
                GoalRuleViolation(
                    .invalidMeasure, field: "measure.target_value",
                    "A decreasing KPI needs a target of at most its start value (\(measure.startValue))."))
        case .stayWithinRange:
            switch (measure.lowerBound, measure.upperBound) {
            case (nil, nil):
                found.append(
                    GoalRuleViolation(
                        .invalidMeasure, field: "measure.lower_bound",
                        "A stay-within-range KPI needs a lower bound, an upper bound or both."))
            case (let lower?, let upper?) where lower > upper:
                found.append(
                    GoalRuleViolation(
                        .invalidMeasure, field: "measure.upper_bound",
                        "The upper bound (\(upper)) must be at least the lower bound (\(lower))."))
            default:
                break
            }
        default:
            break
        }
    }

    private static func checkKeyResults(of definition: GoalDefinition, into found: inout [GoalRuleViolation]) {
        let keyResults = definition.keyResults
        guard definition.kind == .objective else {
            if !keyResults.isEmpty {
                found.append(
                    GoalRuleViolation(
                        .invalidField, field: "key_results",
                        "Only an objective has key results; remove them from this \(definition.kind.rawValue) goal."))
            }
            return
        }
        if keyResults.isEmpty {
            found.append(
                GoalRuleViolation(.invalidField, field: "key_results", "An objective needs at least one key result."))
            return
        }
        if keyResults.count > maxKeyResults {
            found.append(
                GoalRuleViolation(
                    .invalidField, field: "key_results",
                    "An objective has at most \(maxKeyResults) key results; this one has \(keyResults.count)."))
        }
        var seenIDs: Set<String> = []
        for (index, keyResult) in keyResults.enumerated() {
            let path = "key_results[\(index)]"
            if keyResult.keyResultID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                found.append(
                    GoalRuleViolation(.invalidField, field: "\(path).key_result_id", "Give the key result an id."))
            } else if !seenIDs.insert(keyResult.keyResultID).inserted {
                found.append(
                    GoalRuleViolation(
                        .invalidField, field: "\(path).key_result_id",
                        "Key result id \(keyResult.keyResultID) is used more than once in this goal."))
            }
            if let problem = WeightRules.problem(with: keyResult.weight) {
                found.append(GoalRuleViolation(.invalidWeight, field: "\(path).weight", problem))
            }
            if keyResult.targetValue == keyResult.startValue {
                found.append(
                    GoalRuleViolation(
                        .invalidMeasure, field: "\(path).target_value",
                        "A key result's target must differ from its start value (\(keyResult.startValue))."))
            }
        }
        let sum = keyResults.reduce(Decimal(0)) { $0 + $1.weight }
        if sum != 100 {
            found.append(
                GoalRuleViolation(
                    .weightsDoNotSumTo100, field: "key_results", WeightRules.sumMessage(sum, of: "Key result weights")))
        }
    }
}
