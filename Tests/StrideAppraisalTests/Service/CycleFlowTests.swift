import Foundation
import HTTPTypes
import StridePostgres
import StrideAppraisal
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// A cycle through HTTP with the real database and broker: HR builds the library and opens a
/// cycle set-based, reviewers write only their own reviews, scores are explained and recomputed
/// from their provenance, release publishes one `AppraisalFinalized` per employee.
@Suite("Appraisal: a cycle from opening to release", .serialized)
struct CycleFlowTests {
    @Test("opening a cycle makes one appraisal per active employee of the population and every opening review request, announced")
    func openCycle() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let tap = try await TopicTap.start(topic: StrideTopic.appraisal.rawValue, source: "/stride/\(h.schema)")
            let cycleID = try await AppraisalFixtures.openSalesCycle(h)
            // Sales: vp1, m1, e1, e2, e4. Self ×5, manager ×5 (ceo, vp1, m1 ×3), upward: m1 ← vp1… no:
            // upward reviews come from the reviewee's reports: vp1 ← m1, m1 ← e1, e2, e4.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.appraisals WHERE cycle_id = '\(cycleID)'", as: Int.self) == 5)
            let groups = try await h.core.pool.withConnection { connection in
                try await connection.query(PostgresQuery(unsafeSQL: "SELECT rater_group, count(*)::int AS n FROM \(h.schema).reviews GROUP BY 1"))
                    .map { (try $0.decode("rater_group", as: String.self), try $0.decode("n", as: Int.self)) }
            }
            #expect(Dictionary(uniqueKeysWithValues: groups) == ["self": 5, "manager": 5, "direct_report": 4])
            let events = try await tap.events {
                $0.filter { $0.0.type == ReviewRequested.eventType }.count >= 14 && $0.contains { $0.0.type == CycleOpened.eventType }
            }
            await tap.close()
            let opened = try events.filter { $0.0.type == CycleOpened.eventType }.map { try EventCodec.decodePayload(CycleOpened.self, from: $0.1.value) }
            #expect(opened.count == 1 && opened.first?.participantCount == 5 && opened.first?.orgUnitID == "Sales")
            #expect(opened.first?.templateVersion == 1 && opened.first?.phases.count == 6)
            #expect(events.filter { $0.0.type == ReviewRequested.eventType }.count == 14)

            let cycle = try await h.call(.get, "/v1/cycles/\(cycleID)", as: "e1")
            let phase = try cycle.string("phase")
            #expect(cycle.status == 200 && phase == "self_review")
            #expect(try await h.call(.get, "/v1/cycles/\(cycleID)", as: "e3").status == 404, "not part of the cycle")
        }
    }

    @Test("opening a cycle is HR's; bad input names the field and changes nothing")
    func openCycleRefusals() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let body = #"{"name": "x", "period_id": "FY2026", "template_id": "standard", "schedule": \#(AppraisalFixtures.schedule)}"#
            #expect(try await h.call(.post, "/v1/cycles", as: "m1", json: body).status == 403)
            let unknown = try await h.call(
                .post, "/v1/cycles", as: "hr", json: body.replacingOccurrences(of: #""standard""#, with: #""nope""#))
            #expect(unknown.status == 422 && unknown.problemFields == ["template_id"], "\(unknown.text)")
            let empty = try await h.call(
                .post, "/v1/cycles", as: "hr",
                json: #"{"name": "x", "period_id": "FY2026", "template_id": "standard", "population": {"departments": ["Nowhere"]}, "schedule": \#(AppraisalFixtures.schedule)}"#)
            #expect(empty.status == 422, "\(empty.text)")
            let blank = try await h.call(.post, "/v1/cycles", as: "hr", json: body.replacingOccurrences(of: #""name": "x""#, with: #""name": " ""#))
            #expect(blank.status == 400 && blank.problemFields.contains("name"), "\(blank.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.cycles", as: Int.self) == 0)
            let badTerms = try await h.call(
                .post, "/v1/templates", as: "hr",
                json: #"{"template_id": "bad", "name": "Bad", "terms": \#(AppraisalFixtures.terms.replacingOccurrences(of: #""weight_percent": "30""#, with: #""weight_percent": "35""#))}"#)
            #expect(badTerms.status == 400 || badTerms.status == 422, "\(badTerms.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.templates WHERE template_id = 'bad'", as: Int.self) == 0)
        }
    }

    @Test("a reviewer sees and writes only their own reviews; the reviewee and their manager get 404 for a peer's or report's review")
    func reviewerIsolation() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            _ = try await AppraisalFixtures.openSalesCycle(h)
            let upward = try await AppraisalFixtures.reviewID(h, of: "m1", by: "e1")
            #expect(try await h.call(.get, "/v1/reviews/\(upward)", as: "e1").status == 200)
            for reader in ["m1", "vp1", "e2"] {
                #expect(try await h.call(.get, "/v1/reviews/\(upward)", as: reader).status == 404, "\(reader)")
                #expect(try await h.call(.put, "/v1/reviews/\(upward)", as: reader, json: AppraisalFixtures.ratings([3, 3, 3])).status == 404)
            }
            let mine = try await h.call(.get, "/v1/reviews", as: "e1")
            let mineGroups = try Set(mine.items.compactMap { $0["rater_group"] as? String })
            #expect(mineGroups == ["self", "direct_report"], "\(mine.text)")
            // The upward review is written in peer_reviews, not now.
            let early = try await h.call(.post, "/v1/reviews/\(upward)/submit", as: "e1", json: AppraisalFixtures.ratings([3, 3, 3]))
            #expect(early.status == 409, "\(early.text)")
            let own = try await AppraisalFixtures.reviewID(h, of: "e1", by: "e1")
            let partial = try await h.call(
                .post, "/v1/reviews/\(own)/submit", as: "e1", json: #"{"ratings": [{"competency_id": "delivery", "level": 4}], "comments": []}"#)
            #expect(partial.status == 422, "\(partial.text)")
            let outOfScale = try await h.call(.put, "/v1/reviews/\(own)", as: "e1", json: AppraisalFixtures.ratings([3, 9, 3]))
            #expect(outOfScale.status == 400 && outOfScale.problemFields == ["ratings[1].level"], "\(outOfScale.text)")
            #expect(try await h.scalar("SELECT status FROM $schema.reviews WHERE review_id = '\(own)'", as: String.self) == "requested")
            let draft = try await h.call(.put, "/v1/reviews/\(own)", as: "e1", json: AppraisalFixtures.ratings([3, 4, 3]))
            let draftStatus = try draft.string("status")
            #expect(draft.status == 200 && draftStatus == "draft", "\(draft.text)")
            let selfDecline = try await h.call(.post, "/v1/reviews/\(own)/decline", as: "e1", json: #"{"reason": "no"}"#)
            #expect(selfDecline.status == 409)
        }
    }

    @Test("scores combine attainment and rater groups; a report group below the minimum is left out and never shown; release announces each appraisal")
    func scoreAndRelease() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let tap = try await TopicTap.start(topic: StrideTopic.appraisal.rawValue, source: "/stride/\(h.schema)")
            let cycleID = try await AppraisalFixtures.openSalesCycle(h)
            try await h.publishGoals([
                AttainmentFinalized(
                    employeeID: "m1", periodID: "FY2026", periodStartsOn: CalendarDate(year: 2026, month: 1, day: 1),
                    periodEndsOn: CalendarDate(year: 2026, month: 12, day: 31), actorID: "goals", version: 1, goals: [],
                    weightedAttainmentPercent: 120)
            ])
            try await waitUntil("the attainment arrives", timeout: .seconds(60)) {
                try await h.scalar("SELECT count(*)::int FROM $schema.attainments", as: Int.self) == 1
            }
            for employee in ["vp1", "m1", "e1", "e2", "e4"] {
                try await AppraisalFixtures.submit(h, of: employee, by: employee, levels: [3, 3, 3])
            }
            try await AppraisalFixtures.advance(h, cycleID, to: "nominations")
            try await AppraisalFixtures.advance(h, cycleID, to: "peer_reviews")
            // Two of m1's three reports review them: below the minimum of 3.
            try await AppraisalFixtures.submit(h, of: "m1", by: "e1", levels: [1, 1, 1])
            try await AppraisalFixtures.submit(h, of: "m1", by: "e2", levels: [2, 2, 2])
            try await AppraisalFixtures.advance(h, cycleID, to: "manager_review")
            for (employee, manager) in [("vp1", "ceo"), ("m1", "vp1"), ("e1", "m1"), ("e2", "m1"), ("e4", "m1")] {
                try await AppraisalFixtures.submit(h, of: employee, by: manager, levels: [4, 4, 4])
            }
            let scored = try await h.call(.post, "/v1/cycles/\(cycleID)/scores", as: "hr")
            let scoredCount = try scored.json["scored"] as? Int
            #expect(scored.status == 200 && scoredCount == 5, "\(scored.text)")

            let appraisalID = try #require(
                try await h.scalar("SELECT appraisal_id FROM $schema.appraisals WHERE employee_id = 'm1'", as: String.self))
            // manager 4 × 50 + self 3 × 10 over 60 = 3.8333; goals 120 % × 3 = 3.6; 0.6 × 3.6 + 0.4 × 3.8333 = 3.6933 → level 4.
            let asManager = try await h.call(.get, "/v1/appraisals/\(appraisalID)/score", as: "vp1")
            #expect(asManager.status == 200, "\(asManager.text)")
            let explanation = try #require(asManager.json["explanation"] as? [String: Any])
            #expect("\(explanation["final_score"] ?? "")".hasPrefix("3.693"), "\(asManager.text)")
            #expect(explanation["rating_level"] as? Int == 4)
            let groups = try #require(explanation["groups"] as? [[String: Any]])
            let reports = try #require(groups.first { $0["group"] as? String == "direct_report" })
            #expect(reports["counted"] as? Bool == false)
            #expect((reports["review_ids"] as? [String] ?? []).isEmpty, "no report's review id is shown to the manager")
            #expect((reports["competency_averages"] as? [Any] ?? []).isEmpty, "nor their numbers")
            #expect(try await h.call(.get, "/v1/appraisals/\(appraisalID)/score", as: "m1").status == 404, "not released yet")
            #expect(try await h.call(.get, "/v1/appraisals/\(appraisalID)/score", as: "e1").status == 404)
            let employeeView = try await h.call(.get, "/v1/appraisals/\(appraisalID)", as: "m1")
            let withheld = try employeeView.json
            #expect(employeeView.status == 200 && (withheld["final_score"] == nil || withheld["final_score"] is NSNull), "\(employeeView.text)")
            #expect(withheld["rating_level"] == nil || withheld["rating_level"] is NSNull, "\(employeeView.text)")

            // Recomputing from the stored inputs gives the stored numbers.
            let stored = try await h.scalar("SELECT final_score::text FROM $schema.appraisals WHERE appraisal_id = '\(appraisalID)'", as: String.self)
            let again = try await h.call(.post, "/v1/cycles/\(cycleID)/scores", as: "hr")
            #expect(again.status == 200)
            #expect(try await h.scalar("SELECT final_score::text FROM $schema.appraisals WHERE appraisal_id = '\(appraisalID)'", as: String.self) == stored)

            try await AppraisalFixtures.advance(h, cycleID, to: "calibration")
            try await AppraisalFixtures.advance(h, cycleID, to: "feedback")
            // 5 self, 2 upward and 5 manager reviews; events of other partitions may be read later.
            let events = try await tap.events {
                $0.filter { $0.0.type == AppraisalFinalized.eventType }.count >= 5 && $0.filter { $0.0.type == ReviewSubmitted.eventType }.count >= 12
            }
            let finalized = try events.filter { $0.0.type == AppraisalFinalized.eventType }
                .map { try EventCodec.decodePayload(AppraisalFinalized.self, from: $0.1.value) }
            #expect(finalized.count == 5 && finalized.allSatisfy { $0.version == 1 && $0.cycleID == cycleID })
            let m1 = try #require(finalized.first { $0.employeeID == "m1" })
            #expect(m1.rating.level == 4 && m1.managerID == "vp1" && m1.periodID == "FY2026" && m1.goalScore == Decimal(string: "3.6"))
            // Upward ratings never name their reviewer or review downstream.
            let upward = try events.filter { $0.0.type == ReviewSubmitted.eventType }
                .map { try EventCodec.decodePayload(ReviewSubmitted.self, from: $0.1.value) }.filter { $0.raterGroup == .directReport }
            #expect(upward.count == 2 && upward.allSatisfy { $0.reviewID == nil && $0.reviewerID == nil && $0.competencyRatings.isEmpty && $0.overallLevel == nil })
            await tap.close()

            let released = try await h.call(.get, "/v1/appraisals/\(appraisalID)", as: "m1")
            let releasedBody = try released.json
            #expect(releasedBody["rating_level"] as? Int == 4 && releasedBody["version"] as? Int == 1, "\(released.text)")
            let own = try await h.call(.get, "/v1/appraisals/\(appraisalID)/score", as: "m1")
            #expect(own.status == 200)
            let ack = try await h.call(.post, "/v1/appraisals/\(appraisalID)/acknowledge", as: "m1", json: #"{"comment": "Thanks"}"#)
            let acknowledged = try ack.json["acknowledged_version"] as? Int
            #expect(ack.status == 200 && acknowledged == 1, "\(ack.text)")
            #expect(try await h.call(.post, "/v1/appraisals/\(appraisalID)/acknowledge", as: "vp1", json: "{}").status == 404)
        }
    }
}
