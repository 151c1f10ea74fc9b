import Foundation
import HTTPTypes
import StrideContracts
import StrideIncentives
import StrideKafka
import StrideTestSupport
import Testing

/// Promotions for sustained high ratings and potential, development actions for competency
/// gaps, consequence reviews after a failed plan or repeated lowest ratings — all
/// recommendations for people to decide on.
@Suite("Incentives: promotions, development and consequence reviews", .serialized)
struct CareerTests {
    static let careerPlan = IncentivesFixtures.plan(extra: #"""
        , "promotion": {"minimum_rating_level": 4, "required_high_ratings": 2, "of_last_cycles": 3, "minimum_potential": "high",
                        "increase_percent": "8", "level_ladder": ["L1", "L2", "L3", "L4", "M1", "M2"]},
          "development_catalog": [{"competency_id": "communication", "action_kind": "training", "title": "Clear writing workshop"},
                                  {"competency_id": "communication", "action_kind": "mentoring", "title": "Pair with a senior presenter"},
                                  {"competency_id": "delivery", "action_kind": "stretch_assignment", "title": "Own a release"}],
          "expected_competency_level": 3
        """#)

    @Test("two high ratings and high potential recommend a promotion; accepting it sends its own payroll change with the new level")
    func promotion() async throws {
        try await IncentivesHarness.incentives { h in
            let incentives = try await TopicTap.start(topic: StrideTopic.incentives.rawValue, source: "/stride/\(h.schema)")
            let payroll = try await TopicTap.start(topic: StrideTopic.payroll.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await incentives.close(); await payroll.close() } }
            try await IncentivesFixtures.rate(h, [("e1", 5), ("e2", 3)], potential: .high, cycle: "ac-2025")
            let cycleID = try await IncentivesFixtures.openCycle(h, plan: Self.careerPlan)
            try await h.publishAppraisal([
                IncentivesFixtures.finalized("e1", level: 4, potential: .high), IncentivesFixtures.finalized("e2", level: 5, potential: .high),
                IncentivesFixtures.finalized("e4", level: 5, potential: .moderate),
            ])
            try await waitUntil("this cycle's results") {
                try await h.scalar("SELECT count(*)::int FROM $schema.appraisal_results WHERE appraisal_cycle_id = 'ac-2026'", as: Int.self) == 3
            }
            let run = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            try #require(run.status == 200, "\(run.text)")
            #expect(try run.json["promotions_recommended"] as? Int == 1, "e1 only: e2 was high once, e4's potential is moderate: \(run.text)")
            let list = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/promotions", as: "m1")
            let promotion = try #require(try list.items.first)
            #expect(promotion["employee_id"] as? String == "e1" && promotion["proposed_level"] as? String == "L4")
            let promotionID = try #require(promotion["promotion_id"] as? String)
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/promotions", as: "m2").items.isEmpty)
            #expect(try await h.call(.post, "/v1/promotions/\(promotionID)/decision", as: "m1", json: #"{"decision": "accept"}"#).status == 403)

            let early = try await h.call(.post, "/v1/promotions/\(promotionID)/decision", as: "hr", json: #"{"decision": "accept"}"#)
            #expect(early.status == 409, "the raise builds on the approved merit: \(early.text)")
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}").status == 200)
            let accepted = try await h.call(.post, "/v1/promotions/\(promotionID)/decision", as: "hr", json: #"{"decision": "accept", "comment": "Ready"}"#)
            #expect(accepted.status == 200, "\(accepted.text)")
            #expect(try await h.call(.post, "/v1/promotions/\(promotionID)/decision", as: "hr", json: #"{"decision": "decline"}"#).status == 409)
            let seen = try await payroll.events { $0.contains { $0.0.subject == "e1" && $0.1.value.count > 0 && (try? EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value))?.kind == .promotion } }
            let change = try #require(try seen.compactMap { try? EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value) }.first { $0.kind == .promotion })
            // On top of the approved merit: 60,000 + 4 % = 62,400; + 8 % = 67,392.
            #expect(change.previousBaseSalary == Money(amount: 62_400, currency: "EUR"))
            #expect(change.newBaseSalary == Money(amount: 67_392, currency: "EUR"))
            #expect(change.newJobLevel == "L4")
            let announced = try await incentives.events { $0.contains { $0.0.type == PromotionRecommended.eventType } }
            #expect(announced.filter { $0.0.type == PromotionRecommended.eventType }.count == 1)
        }
    }

    @Test("competencies the manager rated below expectation get the catalog's actions, once; the employee sees their own")
    func developmentActions() async throws {
        try await IncentivesHarness.incentives { h in
            let incentives = try await TopicTap.start(topic: StrideTopic.incentives.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await incentives.close() } }
            let cycleID = try await IncentivesFixtures.openCycle(h, plan: Self.careerPlan)
            try await h.publishAppraisal([
                ReviewSubmitted(
                    reviewID: "r1", cycleID: "ac-2026", employeeID: "e1", raterGroup: .manager, reviewerID: "m1",
                    competencyRatings: [CompetencyRating(competencyID: "communication", level: 2), CompetencyRating(competencyID: "delivery", level: 4)],
                    overallLevel: 3, scaleMaximum: 5),
                ReviewSubmitted(
                    reviewID: nil, cycleID: "ac-2026", employeeID: "e2", raterGroup: .peer, reviewerID: nil,
                    competencyRatings: [CompetencyRating(competencyID: "delivery", level: 1)], overallLevel: nil, scaleMaximum: 5),
            ])
            try await IncentivesFixtures.rate(h, IncentivesFixtures.standardRatings)
            try await waitUntil("the manager review's levels") {
                try await h.scalar("SELECT count(*)::int FROM $schema.competency_levels", as: Int.self) == 2
            }
            let run = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            #expect(try run.json["development_actions_recommended"] as? Int == 2, "communication below 3: two offers; a peer's rating does not count: \(run.text)")
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr").json["development_actions_recommended"] as? Int == 0)
            let own = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/development-actions?employee_id=e1", as: "e1")
            #expect(try own.items.count == 2, "\(own.text)")
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/development-actions?employee_id=e1", as: "e2").items.isEmpty)
            let events = try await incentives.events { $0.filter { $0.0.type == DevelopmentActionRecommended.eventType }.count >= 2 }
            #expect(events.filter { $0.0.type == DevelopmentActionRecommended.eventType }.count == 2)
        }
    }

    @Test("a failed improvement plan asks HR for a consequence review, once; so does the lowest rating twice in a row; HR records a decision")
    func consequenceReviews() async throws {
        try await IncentivesHarness.incentives { h in
            let incentives = try await TopicTap.start(topic: StrideTopic.incentives.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await incentives.close() } }
            let failed = ImprovementPlanClosed(
                planID: "plan-7", employeeID: "e4", actorID: "m1", outcome: .failed, closedOn: CalendarDate(year: 2027, month: 2, day: 1),
                extendedUntil: nil, objectivesMet: 1, objectivesTotal: 4, reason: "Objectives not met")
            let succeeded = ImprovementPlanClosed(
                planID: "plan-8", employeeID: "e3", actorID: "m2", outcome: .succeeded, closedOn: CalendarDate(year: 2027, month: 2, day: 1),
                extendedUntil: nil, objectivesMet: 4, objectivesTotal: 4, reason: "Done")
            try await h.publishCoaching([failed, failed, succeeded])
            try await waitUntil("the coaching events") {
                try await h.scalar("SELECT count(*)::int FROM $schema.inbox WHERE event_type = '\(ImprovementPlanClosed.eventType)'", as: Int.self) == 3
            }
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.consequence_reviews", as: Int.self) == 1)

            try await IncentivesFixtures.rate(h, [("e3", 1)], cycle: "ac-2025")
            let cycleID = try await IncentivesFixtures.openCycle(h)
            try await IncentivesFixtures.rate(h, [("e3", 1), ("e1", 1)])
            let run = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            #expect(try run.json["consequence_reviews_required"] as? Int == 1, "e3 twice; e1 once: \(run.text)")

            let list = try await h.call(.get, "/v1/consequence-reviews?status=open", as: "hr")
            #expect(Set(try list.items.compactMap { $0["trigger"] as? String }) == ["failed_improvement_plan", "repeated_low_rating"])
            #expect(try await h.call(.get, "/v1/consequence-reviews", as: "m1").status == 403)
            let reviewID = try #require(try list.items.first { $0["employee_id"] as? String == "e4" }?["review_id"] as? String)
            let blank = try await h.call(.post, "/v1/consequence-reviews/\(reviewID)/decision", as: "hr", json: #"{"decision": " "}"#)
            #expect(blank.status == 400, "\(blank.text)")
            let decided = try await h.call(
                .post, "/v1/consequence-reviews/\(reviewID)/decision", as: "hr", json: #"{"decision": "Second plan agreed with the works council"}"#)
            #expect(decided.status == 200, "\(decided.text)")
            #expect(try await h.call(.post, "/v1/consequence-reviews/\(reviewID)/decision", as: "hr", json: #"{"decision": "again"}"#).status == 409)
            let events = try await incentives.events { $0.filter { $0.0.type == ConsequenceReviewRequired.eventType }.count >= 2 }
            let required = try events.filter { $0.0.type == ConsequenceReviewRequired.eventType }
                .map { try EventCodec.decodePayload(ConsequenceReviewRequired.self, from: $0.1.value) }
            #expect(required.count == 2)
            #expect(required.first { $0.trigger == .repeatedLowRating }?.lowRatingCycleIDs == ["ac-2025", "ac-2026"])
        }
    }
}
