import Foundation
import StrideContracts
import StrideRuntime

extension TemplateTerms {
    /// The fewest and most competencies a template rates.
    public static let competencyCountRange = 1...30
    /// The allowed anonymity thresholds.
    public static let minimumAnonymousRatersRange = 1...20

    /// Every rule the terms break (empty when they hold together), each `.invalid` naming its
    /// JSON field, so that a form reports every problem at once:
    /// - `scale.labels`: see ``RatingScale/violations(of:field:)``.
    /// - `competencies`: 1…30, weights summing to exactly 100; `competencies[i].competency_id`
    ///   written and unique; `competencies[i].weight_percent` above 0.
    /// - `goal_weight_percent`, `competency_weight_percent`: each 0…100, and together 100
    ///   (reported on `goal_weight_percent`).
    /// - `rater_group_weights`: the manager present with a weight above 0, summing to 100;
    ///   `rater_group_weights[i].group` unique; `rater_group_weights[i].weight_percent` at least 0.
    /// - `minimum_anonymous_raters`: 1…20.
    /// - `bands`: exactly one per scale level; `bands[i].level` is `i + 1` (ascending, none
    ///   repeated or missing); `bands[i].minimum_score` within 1…scale maximum, strictly above the
    ///   previous band's, and 1 for level 1.
    /// - `meets_expectations_level`: on the scale.
    /// - Parameter terms: the terms of a template version.
    public static func violations(of terms: TemplateTerms) -> [AppraisalRuleViolation] {
        var found = RatingScale.violations(of: terms.scale.labels, field: "scale.labels")
        checkCompetencies(terms.competencies, into: &found)
        checkShares(terms, into: &found)
        checkRaterGroups(terms.raterGroupWeights, into: &found)
        if !minimumAnonymousRatersRange.contains(terms.minimumAnonymousRaters) {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "minimum_anonymous_raters",
                    "The minimum number of anonymous raters is 1 to 20; \(terms.minimumAnonymousRaters) is not."))
        }
        checkBands(terms.bands, scale: terms.scale, into: &found)
        if !terms.scale.contains(terms.meetsExpectationsLevel) {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "meets_expectations_level",
                    "Meets expectations is a level of the scale, 1 to \(terms.scale.maximum); \(terms.meetsExpectationsLevel) is not."))
        }
        return found
    }

    private static func checkCompetencies(_ competencies: [CompetencyWeight], into found: inout [AppraisalRuleViolation]) {
        FieldChecks.count(
            competencies.count, field: "competencies", name: "competencies",
            minCount: competencyCountRange.lowerBound, maxCount: competencyCountRange.upperBound, into: &found)
        var seen = Set<String>()
        for (index, competency) in competencies.enumerated() {
            let at = "competencies[\(index)]"
            if FieldChecks.isBlank(competency.competencyID) {
                found.append(AppraisalRuleViolation(.invalid, field: "\(at).competency_id", "A competency id is empty."))
            } else if !seen.insert(competency.competencyID).inserted {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).competency_id", "\(competency.competencyID) is listed twice."))
            }
            if competency.weightPercent <= 0 {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).weight_percent",
                        "A competency's weight is above 0; \(DecimalRounding.plain(competency.weightPercent)) is not."))
            }
        }
        let sum = competencies.reduce(Decimal(0)) { $0 + $1.weightPercent }
        if !competencies.isEmpty, sum != 100 {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "competencies",
                    "The competency weights add up to \(DecimalRounding.plain(sum)) %; they must add up to 100."))
        }
    }

    private static func checkShares(_ terms: TemplateTerms, into found: inout [AppraisalRuleViolation]) {
        let shares = [
            ("goal_weight_percent", "goal", terms.goalWeightPercent),
            ("competency_weight_percent", "competency", terms.competencyWeightPercent),
        ]
        for (field, name, share) in shares where share < 0 || share > 100 {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: field, "The \(name) weight is 0 to 100 %; \(DecimalRounding.plain(share)) is not."))
        }
        let sum = terms.goalWeightPercent + terms.competencyWeightPercent
        if sum != 100 {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "goal_weight_percent",
                    "The goal and competency weights add up to \(DecimalRounding.plain(sum)) %; they must add up to 100."))
        }
    }

    private static func checkRaterGroups(_ weights: [RaterGroupWeight], into found: inout [AppraisalRuleViolation]) {
        var seen = Set<RaterGroup>()
        for (index, weight) in weights.enumerated() {
            let at = "rater_group_weights[\(index)]"
            if !seen.insert(weight.group).inserted {
                found.append(AppraisalRuleViolation(.invalid, field: "\(at).group", "\(weight.group.rawValue) is listed twice."))
            }
            if weight.weightPercent < 0 {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).weight_percent",
                        "A rater group's weight is at least 0; \(DecimalRounding.plain(weight.weightPercent)) is not."))
            }
        }
        if !weights.contains(where: { $0.group == .manager && $0.weightPercent > 0 }) {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "rater_group_weights", "The manager's review always counts: give manager a weight above 0."))
        }
        let sum = weights.reduce(Decimal(0)) { $0 + $1.weightPercent }
        if sum != 100 {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "rater_group_weights",
                    "The rater group weights add up to \(DecimalRounding.plain(sum)) %; they must add up to 100."))
        }
    }

    private static func checkBands(_ bands: [RatingBand], scale: RatingScale, into found: inout [AppraisalRuleViolation]) {
        if bands.count != scale.maximum {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "bands",
                    "Give one band per level of the scale: \(scale.maximum) levels, \(bands.count) bands."))
        }
        let top = Decimal(max(1, scale.maximum))
        for (index, band) in bands.enumerated() {
            let at = "bands[\(index)]"
            if band.level != index + 1 {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).level", "Bands go by level from 1 up: this one is level \(index + 1), not \(band.level)."))
            }
            let minimum = band.minimumScore
            if index == 0, minimum != 1 {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).minimum_score",
                        "The lowest band starts at 1, the bottom of the scale; not at \(DecimalRounding.plain(minimum))."))
            } else if minimum < 1 || minimum > top {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).minimum_score",
                        "A band starts within the scale, 1 to \(scale.maximum); \(DecimalRounding.plain(minimum)) is not."))
            } else if index > 0, minimum <= bands[index - 1].minimumScore {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).minimum_score",
                        "Each band starts above the one below it: \(DecimalRounding.plain(minimum)) is not above \(DecimalRounding.plain(bands[index - 1].minimumScore))."))
            }
        }
    }
}
