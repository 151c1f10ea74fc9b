import Foundation
import HTTPTypes
import StrideAppraisal
import StrideContracts
import StrideTestSupport
import Testing

/// What a manager reads while reviewing: the attainment from `stride.goals.v1` and, next to
/// each goal, the evidence from `stride.coaching.v1` — for the reporting line and HR only.
@Suite("Appraisal: review inputs", .serialized)
struct ReviewInputsTests {
    @Test("the manager sees each goal's attainment with its evidence; the employee and outsiders get 404")
    func inputs() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            _ = try await AppraisalFixtures.openSalesCycle(h)
            let e1 = try await AppraisalFixtures.appraisalID(h, of: "e1")
            let empty = try await h.call(.get, "/v1/appraisals/\(e1)/inputs", as: "m1")
            let emptyBody = try empty.json
            #expect(empty.status == 200 && emptyBody["attainment_version"] == nil && (emptyBody["goals"] as? [Any])?.isEmpty == true, "\(empty.text)")

            let goals = [
                GoalAttainment(goalID: "g1", title: "Grow ARR", kind: .kpi, status: .completed, weight: 60, attainmentPercent: 110, weightedPoints: 66),
                GoalAttainment(goalID: "g2", title: "Hire two", kind: .milestone, status: .completed, weight: 40, attainmentPercent: 50, weightedPoints: 20),
            ]
            try await h.publishGoals([
                AttainmentFinalized(
                    employeeID: "e1", periodID: "FY2026", periodStartsOn: CalendarDate(year: 2026, month: 1, day: 1),
                    periodEndsOn: CalendarDate(year: 2026, month: 12, day: 31), actorID: "goals", version: 1, goals: goals,
                    weightedAttainmentPercent: 86)
            ])
            try await h.publishCoaching([
                EvidenceLogged(
                    evidenceID: "ev1", employeeID: "e1", actorID: "m1", kind: .achievement, occurredOn: CalendarDate(year: 2026, month: 6, day: 1),
                    summary: "Closed the largest deal of the quarter", goalID: "g1", competencyID: nil, linkURL: nil),
                EvidenceLogged(
                    evidenceID: "ev2", employeeID: "e1", actorID: "m1", kind: .incident, occurredOn: CalendarDate(year: 2026, month: 7, day: 1),
                    summary: "Missed the hand-over", goalID: nil, competencyID: nil, linkURL: nil),
            ])
            try await waitUntil("the inputs arrive", timeout: .seconds(60)) {
                let attainments = try await h.scalar("SELECT count(*)::int FROM $schema.attainments", as: Int.self)
                let facts = try await h.scalar("SELECT count(*)::int FROM $schema.coaching_facts", as: Int.self)
                return attainments == 1 && facts == 2
            }
            let reply = try await h.call(.get, "/v1/appraisals/\(e1)/inputs", as: "m1")
            #expect(reply.status == 200, "\(reply.text)")
            let body = try reply.json
            #expect(body["attainment_version"] as? Int == 1 && body["weighted_attainment_percent"] as? String == "86", "\(reply.text)")
            let lines = try #require(body["goals"] as? [[String: Any]])
            #expect(lines.map { ($0["attainment"] as? [String: Any])?["goal_id"] as? String } == ["g1", "g2"])
            #expect((lines.first?["facts"] as? [[String: Any]])?.map { $0["summary"] as? String } == ["Closed the largest deal of the quarter"])
            #expect((lines.last?["facts"] as? [Any])?.isEmpty == true)
            #expect((body["other_facts"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["evidence_incident"])
            #expect(try await h.call(.get, "/v1/appraisals/\(e1)/inputs", as: "hr").status == 200)
            for outsider in ["e1", "e2", "m2"] {
                #expect(try await h.call(.get, "/v1/appraisals/\(e1)/inputs", as: outsider).status == 404, "\(outsider)")
            }
        }
    }
}
