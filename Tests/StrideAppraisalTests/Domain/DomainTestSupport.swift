import Foundation
import StrideAppraisal
import StrideContracts
import StrideRuntime

/// A date from `YYYY-MM-DD`; traps on a typo in a test.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// A decimal from exact text; traps on a typo in a test.
func dec(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { fatalError("bad decimal \(text)") }
    return value
}

/// The violation `body` throws, or `nil` when it succeeds (or throws anything else, which the
/// domain never does: it throws ``AppraisalRuleViolation`` only).
func caught(_ body: () throws -> Void) -> AppraisalRuleViolation? {
    do {
        try body()
        return nil
    } catch {
        return error as? AppraisalRuleViolation
    }
}

extension AppraisalRuleViolation {
    /// The kind's name, `conflict`, `unprocessable` or `invalid` (the kind is not `Equatable`).
    var kindName: String { "\(kind)" }
}

/// Whether `violations` holds one of `kind` on `field`.
func contains(_ violations: [AppraisalRuleViolation], _ kind: String, _ field: String?) -> Bool {
    violations.contains { $0.kindName == kind && $0.field == field }
}

/// The `kind:field` of each violation, for exact comparisons.
func summary(_ violations: [AppraisalRuleViolation]) -> [String] {
    violations.map { "\($0.kindName):\($0.field ?? "-")" }
}

/// The template most tests score against: a 5-level scale with "meets" at 3; communication 40,
/// delivery 40, leadership 20; goals 60, competencies 40; manager 50, self 10, peer 20, direct
/// report 10, external 10; at least 3 anonymous raters; bands from 1, 1.8, 2.6, 3.4 and 4.2.
func standardTerms() -> TemplateTerms {
    TemplateTerms(
        scale: RatingScale(labels: ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]),
        competencies: [
            CompetencyWeight(competencyID: "communication", weightPercent: 40),
            CompetencyWeight(competencyID: "delivery", weightPercent: 40),
            CompetencyWeight(competencyID: "leadership", weightPercent: 20),
        ],
        goalWeightPercent: 60, competencyWeightPercent: 40,
        raterGroupWeights: [
            RaterGroupWeight(group: .manager, weightPercent: 50), RaterGroupWeight(group: .selfReview, weightPercent: 10),
            RaterGroupWeight(group: .peer, weightPercent: 20), RaterGroupWeight(group: .directReport, weightPercent: 10),
            RaterGroupWeight(group: .external, weightPercent: 10),
        ],
        minimumAnonymousRaters: 3,
        bands: [
            RatingBand(level: 1, minimumScore: 1), RatingBand(level: 2, minimumScore: dec("1.8")),
            RatingBand(level: 3, minimumScore: dec("2.6")), RatingBand(level: 4, minimumScore: dec("3.4")),
            RatingBand(level: 5, minimumScore: dec("4.2")),
        ],
        meetsExpectationsLevel: 3)
}

/// A review rating communication, delivery and leadership (in that order; `nil` skips one).
func review(_ id: String, _ group: RaterGroup, _ levels: Int?...) -> SubmittedReview {
    let ids = ["communication", "delivery", "leadership"]
    let ratings = zip(ids, levels).compactMap { id, level in level.map { CompetencyRating(competencyID: id, level: $0) } }
    return SubmittedReview(reviewID: id, group: group, ratings: ratings)
}
