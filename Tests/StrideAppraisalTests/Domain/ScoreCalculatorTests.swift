import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("Scoring an appraisal")
struct ScoreCalculatorTests {
    let terms = standardTerms()

    /// Manager 3.6, self 4.8, peers 3.3333, reports 4, external 3.0667 (see each test's sums).
    var manager: [SubmittedReview] { [review("m1", .manager, 4, 3, 4)] }
    var selfReview: [SubmittedReview] { [review("s1", .selfReview, 5, 5, 4)] }
    var peers: [SubmittedReview] {
        [review("p1", .peer, 3, 3, 2), review("p2", .peer, 4, 3, 3), review("p3", .peer, 4, 4, 3)]
    }
    var reports: [SubmittedReview] {
        [review("d1", .directReport, 4, 4, 4), review("d2", .directReport, 4, 4, 4), review("d3", .directReport, 4, 4, 4)]
    }
    var externals: [SubmittedReview] {
        [review("x1", .external, 5, 2, 3), review("x2", .external, 4, 2, 3), review("x3", .external, 3, 2, 4)]
    }

    func explain(_ attainment: Decimal?, _ reviews: [SubmittedReview], terms: TemplateTerms? = nil) throws -> ScoreExplanation {
        try ScoreCalculator.explain(
            attainmentPercent: attainment, attainmentEventID: attainment == nil ? nil : "evt-1", reviews: reviews,
            terms: terms ?? self.terms, templateID: "TPL-STD", templateVersion: 2)
    }

    @Test("with every group counted, each step equals the hand computation")
    func allGroups() throws {
        let result = try explain(110, manager + selfReview + peers + reports + externals)
        #expect(result.groups.map(\.group) == [.manager, .selfReview, .peer, .directReport, .external])
        #expect(result.groups.allSatisfy { $0.counted })
        #expect(result.group(.manager)?.score == dec("3.6"))  // (40×4 + 40×3 + 20×4) / 100
        #expect(result.group(.selfReview)?.score == dec("4.8"))  // (40×5 + 40×5 + 20×4) / 100
        let peer = try #require(result.group(.peer))
        #expect(peer.competencyAverages.map(\.average) == [dec("3.6667"), dec("3.3333"), dec("2.6667")])
        #expect(peer.competencyAverages.map(\.raterCount) == [3, 3, 3])
        #expect(peer.score == dec("3.3333"))  // (40×3.6667 + 40×3.3333 + 20×2.6667) / 100 = 3.33334
        #expect(result.group(.directReport)?.score == 4)
        #expect(result.group(.external)?.score == dec("3.0667"))  // (160 + 80 + 66.666) / 100
        #expect(result.groups.map(\.appliedWeightPercent) == [50, 10, 20, 10, 10])
        // (50×3.6 + 10×4.8 + 20×3.3333 + 10×4 + 10×3.0667) / 100 = 3.65333
        #expect(result.competencyScore == dec("3.6533"))
        #expect(result.goalScore == dec("3.3"))  // 110 / 100 × 3
        #expect(result.goalWeightAppliedPercent == 60)
        #expect(result.competencyWeightAppliedPercent == 40)
        #expect(result.finalScore == dec("3.4413"))  // (60×3.3 + 40×3.6533) / 100 = 3.44132
        #expect(result.ratingLevel == 4)
        #expect(result.templateID == "TPL-STD" && result.templateVersion == 2)
        #expect(result.attainmentEventID == "evt-1" && result.attainmentPercent == 110)
        #expect(result.lines.contains("competency score 3.6533 = (50 × 3.6000 + 10 × 4.8000 + 20 × 3.3333 + 10 × 4.0000 + 10 × 3.0667) / 100"))
        #expect(result.lines.contains("final score 3.4413 = (60 × 3.3000 + 40 × 3.6533) / 100"))
        #expect(result.lines.last == "rating level 4 (Exceeds expectations), the band from 3.4")
    }

    @Test("a peer group below the anonymity minimum is left out and the other groups' weights renormalised")
    func peersBelowMinimum() throws {
        let result = try explain(110, manager + selfReview + Array(peers.prefix(2)) + reports + externals)
        let peer = try #require(result.group(.peer))
        #expect(!peer.counted)
        #expect(peer.score == nil && peer.competencyAverages.isEmpty && peer.appliedWeightPercent == 0)
        #expect(peer.raterCount == 2)
        #expect(peer.note == "2 raters, below the minimum of 3 — left out")
        #expect(result.lines.contains("peer: 2 raters, below the minimum of 3 — left out"))
        #expect(result.group(.manager)?.appliedWeightPercent == dec("62.5"))  // 50 / 80
        #expect(result.group(.selfReview)?.appliedWeightPercent == dec("12.5"))
        // (50×3.6 + 10×4.8 + 10×4 + 10×3.0667) / 80 = 298.667 / 80 = 3.7333375
        #expect(result.competencyScore == dec("3.7333"))
        #expect(result.lines.contains("competency score 3.7333 = (50 × 3.6000 + 10 × 4.8000 + 10 × 4.0000 + 10 × 3.0667) / 80"))
        #expect(result.lines.contains { $0.hasPrefix("left out: peer (20)") })
        #expect(result.finalScore == dec("3.4733"))  // (60×3.3 + 40×3.7333) / 100 = 3.47332
    }

    @Test("manager and self count with one review; groups without reviews are left out")
    func onlyCompetencies() throws {
        let result = try explain(nil, manager + selfReview)
        #expect(result.goalScore == nil && result.attainmentPercent == nil && result.attainmentEventID == nil)
        #expect(result.groups.filter(\.counted).map(\.group) == [.manager, .selfReview])
        #expect(result.group(.directReport)?.note == "no reviews — left out")
        #expect(result.competencyScore == dec("3.8"))  // (50×3.6 + 10×4.8) / 60
        #expect(result.goalWeightAppliedPercent == 0 && result.competencyWeightAppliedPercent == 100)
        #expect(result.finalScore == dec("3.8"))
        #expect(result.ratingLevel == 4)
        #expect(result.lines.contains("no goal attainment — no goal score"))
        #expect(result.lines.contains("only the competency score is present — it carries 100 % of the final score"))
    }

    @Test("with attainment only, the goal score is the final score")
    func onlyAttainment() throws {
        let result = try explain(85, [])
        #expect(result.competencyScore == nil)
        #expect(result.goalScore == dec("2.55"))
        #expect(result.goalWeightAppliedPercent == 100 && result.competencyWeightAppliedPercent == 0)
        #expect(result.finalScore == dec("2.55"))
        #expect(result.ratingLevel == 2)
        #expect(result.lines.contains("no rater group counts — no competency score"))
    }

    @Test("with neither attainment nor a counted group there is nothing to score")
    func nothingToScore() throws {
        let nothing = caught { _ = try explain(nil, []) }
        #expect(nothing?.kindName == "conflict")
        #expect(nothing?.message.contains("nothing to score") == true)
        let tooFewPeers = caught { _ = try explain(nil, Array(peers.prefix(2))) }
        #expect(tooFewPeers?.kindName == "conflict")
        var goalsOnly = terms
        goalsOnly.goalWeightPercent = 100
        goalsOnly.competencyWeightPercent = 0
        #expect(caught { _ = try explain(nil, manager, terms: goalsOnly) }?.kindName == "conflict")
        #expect(try explain(90, manager, terms: goalsOnly).finalScore == dec("2.7"))
    }

    @Test("a group's unrated competency is renormalised away and recorded")
    func unratedCompetency() throws {
        let result = try explain(nil, [review("m1", .manager, 4, 3, nil)])
        let manager = try #require(result.group(.manager))
        #expect(manager.score == dec("3.5"))  // (40×4 + 40×3) / 80
        #expect(manager.competencyAverages.map(\.competencyID) == ["communication", "delivery"])
        #expect(manager.note?.contains("not rated: leadership") == true)
    }

    @Test("an anonymous group's competency rated by fewer than the minimum is left out")
    func anonymousCompetencyBelowMinimum() throws {
        let peers = [review("p1", .peer, 3, 3, 2), review("p2", .peer, 4, 3, nil), review("p3", .peer, 4, 4, nil)]
        let peer = try #require(try explain(nil, manager + peers).group(.peer))
        #expect(peer.counted)
        #expect(peer.competencyAverages.map(\.competencyID) == ["communication", "delivery"])
        #expect(peer.score == dec("3.5"))  // (40×3.6667 + 40×3.3333) / 80
        #expect(peer.note?.contains("rated by fewer than 3: leadership") == true)
    }

    @Test("a group with weight 0 is listed but not counted; ratings of other competencies are ignored")
    func weightZero() throws {
        var terms = self.terms
        terms.raterGroupWeights = [RaterGroupWeight(group: .manager, weightPercent: 100)]
        let strayRating = SubmittedReview(
            reviewID: "m1", group: .manager,
            ratings: review("m1", .manager, 4, 3, 4).ratings + [CompetencyRating(competencyID: "typing", level: 1)])
        let result = try explain(nil, [strayRating] + selfReview, terms: terms)
        #expect(result.groups.map(\.group) == [.manager, .selfReview])
        #expect(result.group(.selfReview)?.counted == false)
        #expect(result.group(.selfReview)?.note == "1 rater, weight 0 — not counted")
        #expect(result.competencyScore == dec("3.6"))
        #expect(!result.lines.contains { $0.hasPrefix("left out:") })
    }

    @Test("every intermediate is rounded half away from zero to 4 places")
    func rounding() throws {
        var terms = self.terms
        terms.meetsExpectationsLevel = 2
        #expect(GoalScoring.score(attainmentPercent: dec("100.0025"), terms: terms) == dec("2.0001"))  // 2.00005
        #expect(GoalScoring.score(attainmentPercent: dec("100.00249"), terms: terms) == 2)
        #expect(GoalScoring.score(attainmentPercent: 100, terms: standardTerms()) == 3)
        #expect(GoalScoring.score(attainmentPercent: 0, terms: standardTerms()) == 1)
        #expect(GoalScoring.score(attainmentPercent: 250, terms: standardTerms()) == 5)
        // 1 of 3 at each step: averages 3.6667 … feed the next step rounded, not exact.
        let result = try explain(dec("33.33"), manager + peers)
        #expect(result.goalScore == 1)  // 0.9999 clamped to the bottom of the scale
        // (50×3.6 + 20×3.3333) / 70 = 246.666 / 70 = 3.52380
        #expect(result.competencyScore == dec("3.5238"))
        #expect(result.finalScore == dec("2.0095"))  // (60×1 + 40×3.5238) / 100 = 2.00952
    }

    @Test("recomputing from the stored explanation gives the identical result")
    func recompute() throws {
        let reviews = manager + selfReview + peers + Array(reports.prefix(2)) + externals
        let original = try explain(dec("97.5"), reviews)
        let stored = try JSONDecoder().decode(ScoreExplanation.self, from: JSONEncoder().encode(original))
        #expect(stored == original)
        #expect(try ScoreCalculator.recompute(stored, reviews: reviews, terms: terms) == original)
        #expect(try ScoreCalculator.recompute(stored, reviews: reviews.reversed(), terms: terms) == original)
    }

    @Test("the explanation is stored with snake_case keys and exact decimal strings")
    func encoding() throws {
        let result = try explain(110, manager)
        let json = try #require(String(data: JSONEncoder().encode(result), encoding: .utf8))
        #expect(json.contains("\"final_score\":\"3.42\""))  // (60×3.3 + 40×3.6) / 100
        #expect(json.contains("\"attainment_event_id\":\"evt-1\""))
        #expect(json.contains("\"competency_weight_applied_percent\":\"40\""))
        #expect(json.contains("\"review_ids\":[\"m1\"]"))
        #expect(json.contains("\"rater_count\":1"))
    }

    @Test("the hand-written JSON of an explanation is JSONEncoder's document and decodes to the same explanation")
    func handWrittenJSON() throws {
        var unusual = try explain(110, manager + selfReview + peers)
        unusual.lines.append("a \"quoted\" line with a \\ backslash,\na newline, a tab\t, \u{01} and Zoë → 東京 🙂")
        unusual.groups[0].note = "note with \"quotes\""
        let explanations = [
            try explain(110, manager + selfReview + peers + reports + externals),
            try explain(dec("97.5"), manager + selfReview + Array(peers.prefix(2)) + reports + externals),
            try explain(nil, manager + selfReview),
            try explain(dec("-12.25"), []),
            unusual,
        ]
        for explanation in explanations {
            let text = explanation.jsonText
            #expect(try JSONDecoder().decode(ScoreExplanation.self, from: Data(text.utf8)) == explanation)
            let handWritten = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
            let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(explanation)) as? NSDictionary
            #expect(handWritten != nil && handWritten == encoded)
        }
        let withoutAttainment = try explain(nil, manager).jsonText  // nils are left out
        #expect(!withoutAttainment.contains(#""attainment_percent""#) && !withoutAttainment.contains(#""goal_score""#))
        #expect(!withoutAttainment.contains("null"))
    }
}
