import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("Template terms")
struct TemplateTermsTests {
    @Test("the standard terms break no rule")
    func valid() {
        #expect(TemplateTerms.violations(of: standardTerms()).isEmpty)
    }

    @Test("a score exactly on a band's minimum gets that band; just below gets the one under")
    func bandEdges() {
        let terms = standardTerms()
        #expect(terms.band(for: dec("3.4")) == 4)
        #expect(terms.band(for: dec("3.3999")) == 3)
        #expect(terms.band(for: dec("1.8")) == 2)
        #expect(terms.band(for: dec("1.7999")) == 1)
        #expect(terms.band(for: 1) == 1)
        #expect(terms.band(for: dec("0.5")) == 1)
        #expect(terms.band(for: 0) == 1)
        #expect(terms.band(for: dec("4.2")) == 5)
        #expect(terms.band(for: 5) == 5)
        #expect(terms.band(for: 7) == 5)
    }

    @Test("a group's weight is 0 when the template does not name it; three groups are anonymous")
    func weights() {
        var terms = standardTerms()
        terms.raterGroupWeights = [RaterGroupWeight(group: .manager, weightPercent: 100)]
        #expect(terms.weight(of: .manager) == 100)
        #expect(terms.weight(of: .peer) == 0)
        #expect(terms.anonymousGroups == [.peer, .directReport, .external])
    }

    @Test("competencies: 1 to 30, unique, weights above 0 summing to exactly 100")
    func competencies() {
        var terms = standardTerms()
        terms.competencies = []
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:competencies"])
        terms.competencies = (0..<30).map { CompetencyWeight(competencyID: "c\($0)", weightPercent: 3) }
            + [CompetencyWeight(competencyID: "c30", weightPercent: 10)]
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:competencies"])
        terms = standardTerms()
        terms.competencies[1].competencyID = "communication"
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:competencies[1].competency_id"])
        terms = standardTerms()
        terms.competencies[2].weightPercent = 0
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:competencies[2].weight_percent", "invalid:competencies"])
        terms = standardTerms()
        terms.competencies[0].weightPercent = dec("39.99")
        terms.competencies[1].weightPercent = dec("40.01")
        #expect(TemplateTerms.violations(of: terms).isEmpty)
        terms.competencies[1].weightPercent = dec("40.02")
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:competencies"])
    }

    @Test("goal and competency weights are each 0 to 100 and sum to 100")
    func shares() {
        var terms = standardTerms()
        terms.goalWeightPercent = 70
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:goal_weight_percent"])
        terms.goalWeightPercent = -10
        terms.competencyWeightPercent = 110
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:goal_weight_percent", "invalid:competency_weight_percent"])
        terms.goalWeightPercent = 0
        terms.competencyWeightPercent = 100
        #expect(TemplateTerms.violations(of: terms).isEmpty)
    }

    @Test("rater groups: unique, none negative, the manager above 0, summing to 100")
    func raterGroups() {
        var terms = standardTerms()
        terms.raterGroupWeights[0].weightPercent = 0
        terms.raterGroupWeights[1].weightPercent = 60
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:rater_group_weights"])
        terms = standardTerms()
        terms.raterGroupWeights[4].group = .peer
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:rater_group_weights[4].group"])
        terms = standardTerms()
        terms.raterGroupWeights[4].weightPercent = -10
        terms.raterGroupWeights[0].weightPercent = 70
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:rater_group_weights[4].weight_percent"])
        terms = standardTerms()
        terms.raterGroupWeights.removeLast()
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:rater_group_weights"])
    }

    @Test("the anonymity minimum is 1 to 20", arguments: [0, 1, 20, 21])
    func minimumRaters(value: Int) {
        var terms = standardTerms()
        terms.minimumAnonymousRaters = value
        let expected = (1...20).contains(value) ? [] : ["invalid:minimum_anonymous_raters"]
        #expect(summary(TemplateTerms.violations(of: terms)) == expected)
    }

    @Test("one band per level, ascending, starting at 1, within the scale")
    func bands() {
        var terms = standardTerms()
        terms.bands.removeLast()
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:bands"])
        terms = standardTerms()
        terms.bands.swapAt(1, 2)
        #expect(
            summary(TemplateTerms.violations(of: terms))
                == ["invalid:bands[1].level", "invalid:bands[2].level", "invalid:bands[2].minimum_score"])
        terms = standardTerms()
        terms.bands[3].minimumScore = dec("2.6")
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:bands[3].minimum_score"])
        terms = standardTerms()
        terms.bands[0].minimumScore = 0
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:bands[0].minimum_score"])
        terms = standardTerms()
        terms.bands[4].minimumScore = dec("5.01")
        #expect(summary(TemplateTerms.violations(of: terms)) == ["invalid:bands[4].minimum_score"])
        terms.bands[4].minimumScore = 5
        #expect(TemplateTerms.violations(of: terms).isEmpty)
    }

    @Test("meets expectations is a level of the scale", arguments: [0, 1, 5, 6])
    func meetsLevel(value: Int) {
        var terms = standardTerms()
        terms.meetsExpectationsLevel = value
        let expected = (1...5).contains(value) ? [] : ["invalid:meets_expectations_level"]
        #expect(summary(TemplateTerms.violations(of: terms)) == expected)
    }

    @Test("every problem is reported at once, each on its field")
    func everyProblem() {
        let terms = TemplateTerms(
            scale: RatingScale(labels: ["Low", "low", ""]),
            competencies: [
                CompetencyWeight(competencyID: "a", weightPercent: 50), CompetencyWeight(competencyID: " ", weightPercent: -5),
            ],
            goalWeightPercent: 50, competencyWeightPercent: 40,
            raterGroupWeights: [RaterGroupWeight(group: .peer, weightPercent: 100)], minimumAnonymousRaters: 0,
            bands: [RatingBand(level: 1, minimumScore: 2), RatingBand(level: 3, minimumScore: 2)],
            meetsExpectationsLevel: 4)
        #expect(
            summary(TemplateTerms.violations(of: terms)) == [
                "invalid:scale.labels[1]", "invalid:scale.labels[2]",
                "invalid:competencies[1].competency_id", "invalid:competencies[1].weight_percent", "invalid:competencies",
                "invalid:goal_weight_percent",
                "invalid:rater_group_weights",
                "invalid:minimum_anonymous_raters",
                "invalid:bands", "invalid:bands[0].minimum_score", "invalid:bands[1].level", "invalid:bands[1].minimum_score",
                "invalid:meets_expectations_level",
            ])
    }

    @Test("terms travel with snake_case keys and decimals as exact strings")
    func encoding() throws {
        let terms = standardTerms()
        let json = try #require(String(data: JSONEncoder().encode(terms), encoding: .utf8))
        for key in [
            "\"goal_weight_percent\":\"60\"", "\"competency_weight_percent\":\"40\"", "\"rater_group_weights\"",
            "\"minimum_anonymous_raters\":3", "\"meets_expectations_level\":3", "\"minimum_score\":\"1.8\"",
            "\"competency_id\":\"communication\"", "\"weight_percent\":\"40\"", "\"group\":\"direct_report\"",
        ] {
            #expect(json.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(TemplateTerms.self, from: Data(json.utf8)) == terms)
    }
}
