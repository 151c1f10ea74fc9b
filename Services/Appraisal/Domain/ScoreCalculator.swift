import Foundation
import StrideContracts
import StrideRuntime

/// Turns goal attainment and submitted reviews into a final score, a rating level and an
/// explanation of every step.
///
/// 1. Each rater group with a weight and reviews gets a score: per template competency the
///    average level of the group's raters who rated it, then the weighted mean of those averages
///    over the competencies the group rated (the others are renormalised away and recorded).
///    Anonymous groups (peer, direct report, external) with fewer raters than the template's
///    minimum are left out, and so is an anonymous group's competency rated by fewer than the
///    minimum: otherwise a score could reveal one person's rating. Manager and self count with
///    one review. Ratings of competencies the template does not rate are ignored.
/// 2. The competency score is the weighted mean of the counted groups' scores (missing groups
///    renormalised away and recorded); none when no group counts.
/// 3. The goal score comes from attainment (``GoalScoring``); none without attainment.
/// 4. The final score is the weighted mean of the parts present, by the template's goal and
///    competency shares (renormalised when one part is missing), and its band is the rating.
///
/// Every intermediate is rounded half away from zero to 4 places and the next step uses the
/// rounded value, so a recomputation from the same inputs gives the identical explanation.
public enum ScoreCalculator {
    /// Scores an appraisal.
    /// - Parameters:
    ///   - attainmentPercent: the period's weighted goal attainment, in percent; `nil` when none.
    ///   - attainmentEventID: the goals event it came from, recorded for the audit trail.
    ///   - reviews: the submitted reviews of the appraisal (drafts and declined reviews excluded).
    ///   - terms: the terms of the template version the cycle pinned.
    ///   - templateID: the template, recorded.
    ///   - templateVersion: its version, recorded.
    /// - Throws: ``AppraisalRuleViolation`` `.conflict` when there is nothing to score: no goal
    ///   score and no counted group (or only parts whose share is 0).
    public static func explain(
        attainmentPercent: Decimal?, attainmentEventID: String?, reviews: [SubmittedReview], terms: TemplateTerms,
        templateID: String, templateVersion: Int
    ) throws -> ScoreExplanation {
        var lines = ["template \(templateID) version \(templateVersion)"]
        var groups: [GroupScore] = []
        for group in RaterGroup.allCases {
            let mine = reviews.filter { $0.group == group }
            guard terms.weight(of: group) > 0 || !mine.isEmpty else { continue }
            let (score, groupLines) = score(of: group, reviews: mine, terms: terms)
            groups.append(score)
            lines += groupLines
        }
        let competencyScore = weighGroups(&groups, lines: &lines)

        var goalScore: Decimal?
        if let attainmentPercent {
            let score = GoalScoring.score(attainmentPercent: attainmentPercent, terms: terms)
            goalScore = score
            lines.append(
                "goal score \(DecimalRounding.fixed(score)) = \(DecimalRounding.plain(attainmentPercent)) % attainment / 100 × \(terms.meetsExpectationsLevel) (meets expectations), within 1 to \(terms.scale.maximum)")
        } else {
            lines.append("no goal attainment — no goal score")
        }

        var parts: [(weight: Decimal, value: Decimal)] = []
        let goalShare = goalScore == nil ? 0 : max(0, terms.goalWeightPercent)
        let competencyShare = competencyScore == nil ? 0 : max(0, terms.competencyWeightPercent)
        if let goalScore, goalShare > 0 { parts.append((goalShare, goalScore)) }
        if let competencyScore, competencyShare > 0 { parts.append((competencyShare, competencyScore)) }
        guard !parts.isEmpty else {
            throw AppraisalRuleViolation(
                .conflict,
                "There is nothing to score yet: no goal attainment and no rater group with enough submitted reviews carry weight in template \(templateID) version \(templateVersion).")
        }
        let shareTotal = goalShare + competencyShare
        if shareTotal != terms.goalWeightPercent + terms.competencyWeightPercent {
            let carried = goalShare > 0 ? "goal" : "competency"
            lines.append("only the \(carried) score is present — it carries 100 % of the final score")
        }
        let (finalScore, formula) = weightedMean(parts)
        lines.append("final score \(DecimalRounding.fixed(finalScore)) = \(formula)")
        let level = terms.band(for: finalScore)
        let minimum = terms.bands.first { $0.level == level }.map { ", the band from \(DecimalRounding.plain($0.minimumScore))" } ?? ""
        lines.append("rating level \(level) (\(terms.scale.label(of: level)))\(minimum)")

        return ScoreExplanation(
            templateID: templateID, templateVersion: templateVersion, attainmentEventID: attainmentEventID,
            attainmentPercent: attainmentPercent, goalScore: goalScore, groups: groups, competencyScore: competencyScore,
            goalWeightAppliedPercent: DecimalRounding.divide(goalShare * 100, by: shareTotal),
            competencyWeightAppliedPercent: DecimalRounding.divide(competencyShare * 100, by: shareTotal),
            finalScore: finalScore, ratingLevel: level, lines: lines)
    }

    /// Scores again from a stored explanation's recorded inputs (template, attainment and its
    /// event) and the reviews and terms given — after a dispute amends a review, or to audit a
    /// stored score, which the result then equals.
    /// - Parameters:
    ///   - stored: the stored explanation.
    ///   - reviews: the submitted reviews now.
    ///   - terms: the terms of `stored.templateVersion` of `stored.templateID`.
    /// - Throws: as ``explain(attainmentPercent:attainmentEventID:reviews:terms:templateID:templateVersion:)``.
    public static func recompute(
        _ stored: ScoreExplanation, reviews: [SubmittedReview], terms: TemplateTerms
    ) throws -> ScoreExplanation {
        try explain(
            attainmentPercent: stored.attainmentPercent, attainmentEventID: stored.attainmentEventID, reviews: reviews,
            terms: terms, templateID: stored.templateID, templateVersion: stored.templateVersion)
    }

    /// Weighs the counted groups' scores into the competency score, setting each group's applied
    /// weight; `nil` when no group counts.
    private static func weighGroups(_ groups: inout [GroupScore], lines: inout [String]) -> Decimal? {
        let counted = groups.filter { $0.counted && $0.score != nil }
        guard !counted.isEmpty else {
            lines.append("no rater group counts — no competency score")
            return nil
        }
        let total = counted.reduce(Decimal(0)) { $0 + $1.configuredWeightPercent }
        for index in groups.indices where groups[index].counted {
            groups[index].appliedWeightPercent = DecimalRounding.divide(groups[index].configuredWeightPercent * 100, by: total)
        }
        let missing = groups.filter { !$0.counted && $0.configuredWeightPercent > 0 }
        if !missing.isEmpty {
            let names = missing.map { "\($0.group.rawValue) (\(DecimalRounding.plain($0.configuredWeightPercent)))" }
            lines.append(
                "left out: \(names.joined(separator: ", ")) — the counted groups' weights renormalised over \(DecimalRounding.plain(total))")
        }
        let (score, formula) = weightedMean(counted.map { ($0.configuredWeightPercent, $0.score ?? 0) })
        lines.append("competency score \(DecimalRounding.fixed(score)) = \(formula)")
        return score
    }
}
