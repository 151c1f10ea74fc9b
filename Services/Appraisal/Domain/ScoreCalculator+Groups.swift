import Foundation
import StrideContracts

extension ScoreCalculator {
    /// One group's score before the groups are weighed against each other (applied weight 0),
    /// with the lines that explain it.
    static func score(
        of group: RaterGroup, reviews: [SubmittedReview], terms: TemplateTerms
    ) -> (score: GroupScore, lines: [String]) {
        let weight = terms.weight(of: group)
        let count = reviews.count
        let raters = count == 1 ? "1 rater" : "\(count) raters"
        let anonymous = terms.anonymousGroups.contains(group)
        let minimum = terms.minimumAnonymousRaters
        func leftOut(_ note: String) -> (score: GroupScore, lines: [String]) {
            let score = GroupScore(
                group: group, raterCount: count, counted: false, note: note, configuredWeightPercent: weight,
                appliedWeightPercent: 0, competencyAverages: [], score: nil, reviewIDs: reviews.map(\.reviewID).sorted())
            return (score, ["\(group.rawValue): \(note)"])
        }
        if weight <= 0 { return leftOut("\(raters), weight 0 — not counted") }
        if count == 0 { return leftOut("no reviews — left out") }
        if anonymous, count < minimum { return leftOut("\(raters), below the minimum of \(minimum) — left out") }

        var averages: [CompetencyAverage] = []
        var unrated: [String] = []
        var tooFew: [String] = []
        for competency in terms.competencies {
            let levels = reviews.flatMap { review in
                review.ratings.filter { $0.competencyID == competency.competencyID }.map(\.level)
            }
            if levels.isEmpty {
                unrated.append(competency.competencyID)
            } else if anonymous, levels.count < minimum {
                tooFew.append(competency.competencyID)
            } else {
                let sum = levels.reduce(0, +)
                averages.append(
                    CompetencyAverage(
                        competencyID: competency.competencyID,
                        average: DecimalRounding.divide(Decimal(sum), by: Decimal(levels.count)), raterCount: levels.count))
            }
        }
        var notes: [String] = []
        if !unrated.isEmpty { notes.append("not rated: \(unrated.joined(separator: ", "))") }
        if !tooFew.isEmpty {
            notes.append("rated by fewer than \(minimum): \(tooFew.joined(separator: ", "))")
        }
        if averages.isEmpty {
            return leftOut("\(raters), no competency rated\(tooFew.isEmpty ? "" : " by \(minimum) or more") — left out")
        }
        let parts = averages.map { (weight: terms.weight(ofCompetency: $0.competencyID) ?? 0, value: $0.average) }
        let (value, formula) = weightedMean(parts)
        var note: String?
        var lines = ["\(group.rawValue): \(raters) — score \(DecimalRounding.fixed(value)) = \(formula)"]
        if !notes.isEmpty {
            let text = notes.joined(separator: "; ") + " — the other competencies' weights renormalised"
            note = text
            lines.append("\(group.rawValue): \(text)")
        }
        let score = GroupScore(
            group: group, raterCount: count, counted: true, note: note, configuredWeightPercent: weight,
            appliedWeightPercent: 0, competencyAverages: averages, score: value, reviewIDs: reviews.map(\.reviewID).sorted())
        return (score, lines)
    }

    /// `Σ(weight × value) / Σ weight`, rounded to 4 places, and its formula in words:
    /// `(60 × 3.5000 + 20 × 4.0000) / 80`.
    /// - Precondition: the weights add up to more than 0.
    static func weightedMean(_ parts: [(weight: Decimal, value: Decimal)]) -> (Decimal, String) {
        let total = parts.reduce(Decimal(0)) { $0 + $1.weight }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.weight * $1.value }
        let products = parts.map { "\(DecimalRounding.plain($0.weight)) × \(DecimalRounding.fixed($0.value))" }
        return (
            DecimalRounding.divide(sum, by: total),
            "(\(products.joined(separator: " + "))) / \(DecimalRounding.plain(total))"
        )
    }
}
