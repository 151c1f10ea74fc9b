import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// The evidence journal through HTTP: written by the employee and their reporting line (HR reads,
/// 403 on write; anyone else 404), goals checked against coaching's projection, `EvidenceLogged`.
@Suite("Coaching: evidence journal", .serialized)
struct EvidenceTests {
    /// Projects goals `g-e1a`, `g-e1b` (owned by e1) and `g-e2` (owned by e2), and waits for them.
    static func seedGoals(_ h: CoachingHarness) async throws {
        try await h.publishGoals([
            NudgeTests.created("g-e1a", owner: "e1", title: "Ship the thing"),
            NudgeTests.created("g-e1b", owner: "e1", title: "Grow the pipeline"),
            NudgeTests.created("g-e2", owner: "e2", title: "Another's goal"),
        ])
        try await waitUntil("the goals are projected", timeout: .seconds(60)) {
            try await h.scalar("SELECT count(*)::int FROM $schema.goals", as: Int.self) == 3
        }
    }

    static func log(
        _ h: CoachingHarness, about employee: String, as author: String, what: String = "Closed the Acme deal",
        goals: String = "[]", extra: String = ""
    ) async throws -> TestReply {
        try await h.call(
            .post, "/v1/employees/\(employee)/evidence", as: author,
            json: #"{"kind": "achievement", "occurred_on": "2026-06-30", "what_happened": "\#(what)", "impact": "120k ARR", "goal_ids": \#(goals)\#(extra)}"#)
    }

    @Test("the employee, their manager and skip-level log evidence; EvidenceLogged carries the summary and the first goal")
    func logAndEmit() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.seedGoals(h)
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            let own = try await Self.log(
                h, about: "e1", as: "e1", goals: #"["g-e1b", "g-e1a"]"#,
                extra: #", "link_url": "https://crm.example.com/deals/1", "competency_id": "negotiation""#)
            #expect(own.status == 201, "\(own.text)")
            #expect(try own.string("author_id") == "e1" && own.string("employee_id") == "e1")
            #expect(try own.json["goal_ids"] as? [String] == ["g-e1b", "g-e1a"])
            let byManager = try await Self.log(h, about: "e1", as: "m1", what: "Ran the QBR")
            #expect(byManager.status == 201, "\(byManager.text)")
            let bySkip = try await Self.log(h, about: "e1", as: "vp1", what: "Mentored two new hires")
            #expect(bySkip.status == 201, "\(bySkip.text)")

            let events = try await tap.events { $0.filter { $0.0.type == EvidenceLogged.eventType }.count >= 3 }
            await tap.close()
            let logged = try events.filter { $0.0.type == EvidenceLogged.eventType }
                .map { try EventCodec.decodePayload(EvidenceLogged.self, from: $0.1.value) }
            #expect(logged.count == 3)
            let first = try #require(logged.first { $0.evidenceID == (try? own.string("evidence_id")) })
            #expect(first.employeeID == "e1" && first.actorID == "e1" && first.kind == .achievement)
            #expect(first.summary == "Closed the Acme deal" && first.goalID == "g-e1b")
            #expect(first.occurredOn == CalendarDate(year: 2026, month: 6, day: 30))
            #expect(first.competencyID == "negotiation" && first.linkURL == "https://crm.example.com/deals/1")
            #expect(Set(logged.map(\.actorID)) == ["e1", "m1", "vp1"])
            #expect(logged.allSatisfy { $0.employeeID == "e1" })
            #expect(logged.first { $0.actorID == "m1" }?.goalID == nil)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE table_name = 'evidence' AND action = 'log_evidence'", as: Int.self) == 3)
        }
    }

    @Test("a peer gets 404 (the employee's records are invisible to them), HR 403 (reads, does not write); bad input names the field; nothing is written")
    func refused() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.seedGoals(h)
            #expect(try await Self.log(h, about: "e1", as: "e2").status == 404)
            #expect(try await Self.log(h, about: "e1", as: "m2").status == 404)
            #expect(try await Self.log(h, about: "e1", as: "hr").status == 403)
            #expect(try await Self.log(h, about: "ghost", as: "hr").status == 404)
            #expect(try await h.call(.post, "/v1/employees/e1/evidence", as: nil, json: "{}").status == 401)

            let unknownGoal = try await Self.log(h, about: "e1", as: "e1", goals: #"["g-e1a", "g-404"]"#)
            #expect(unknownGoal.status == 400 && unknownGoal.problemFields == ["goal_ids[1]"], "\(unknownGoal.text)")
            let othersGoal = try await Self.log(h, about: "e1", as: "m1", goals: #"["g-e2"]"#)
            #expect(othersGoal.status == 400 && othersGoal.problemFields == ["goal_ids[0]"], "\(othersGoal.text)")
            let repeated = try await Self.log(h, about: "e1", as: "e1", goals: #"["g-e1a", "g-e1a"]"#)
            #expect(repeated.status == 400 && repeated.problemFields == ["goal_ids[1]"], "\(repeated.text)")
            let blank = try await Self.log(h, about: "e1", as: "e1", what: " ")
            #expect(blank.status == 400 && blank.problemFields == ["what_happened"], "\(blank.text)")
            let link = try await Self.log(h, about: "e1", as: "e1", extra: #", "link_url": "http://insecure.example.com""#)
            #expect(link.status == 400 && link.problemFields == ["link_url"], "\(link.text)")
            let future = try await h.call(
                .post, "/v1/employees/e1/evidence", as: "e1",
                json: #"{"kind": "metric", "occurred_on": "2026-07-03", "what_happened": "NPS 61", "impact": "Above target"}"#)
            #expect(future.status == 400 && future.problemFields == ["occurred_on"], "\(future.text)")
            let kind = try await h.call(
                .post, "/v1/employees/e1/evidence", as: "e1",
                json: #"{"kind": "gossip", "occurred_on": "2026-07-01", "what_happened": "x", "impact": "y"}"#)
            #expect(kind.status == 400 && kind.problemFields == ["kind"], "\(kind.text)")
            let missing = try await h.call(
                .post, "/v1/employees/e1/evidence", as: "e1", json: #"{"kind": "metric", "occurred_on": "2026-07-01", "what_happened": "x"}"#)
            #expect(missing.status == 400 && missing.problemFields == ["impact"], "\(missing.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.evidence", as: Int.self) == 0)
        }
    }

    @Test("the journal is visible to the employee, their reporting line and HR (404 to others), newest first, paginated, filtered by goal")
    func journal() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.seedGoals(h)
            var ids: [String] = []
            for (what, goals) in [("First", #"["g-e1a"]"#), ("Second", #"["g-e1b"]"#), ("Third", #"["g-e1b", "g-e1a"]"#)] {
                let reply = try await Self.log(h, about: "e1", as: "e1", what: what, goals: goals)
                #expect(reply.status == 201, "\(reply.text)")
                ids.append(try reply.string("evidence_id"))
            }
            #expect(try await Self.log(h, about: "e2", as: "e2", what: "Not e1's").status == 201)

            for viewer in ["e1", "m1", "vp1", "ceo", "hr"] {
                let reply = try await h.call(.get, "/v1/employees/e1/evidence", as: viewer)
                #expect(reply.status == 200, "\(viewer): \(reply.text)")
                #expect(try reply.items.compactMap { $0["evidence_id"] as? String } == ids.reversed(), "\(viewer)")
            }
            for viewer in ["e2", "e3", "m2", "vp2"] {
                #expect(try await h.call(.get, "/v1/employees/e1/evidence", as: viewer).status == 404, "\(viewer)")
                #expect(try await h.call(.get, "/v1/evidence/\(ids[0])", as: viewer).status == 404, "\(viewer)")
            }

            let filtered = try await h.call(.get, "/v1/employees/e1/evidence?goal_id=g-e1a", as: "m1")
            #expect(try filtered.items.compactMap { $0["evidence_id"] as? String } == [ids[2], ids[0]])
            #expect(try await h.call(.get, "/v1/employees/e1/evidence?goal_id=g-none", as: "e1").items.isEmpty)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await h.call(.get, "/v1/employees/e1/evidence?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), as: "hr")
                #expect(page.status == 200, "\(page.text)")
                seen += try page.items.compactMap { $0["evidence_id"] as? String }
                cursor = try page.json["next_cursor"] as? String
            } while cursor != nil && seen.count < 10
            #expect(seen == ids.reversed())

            let one = try await h.call(.get, "/v1/evidence/\(ids[1])", as: "vp1")
            #expect(one.status == 200, "\(one.text)")
            #expect(try one.string("what_happened") == "Second" && one.string("impact") == "120k ARR")
            #expect(try one.string("occurred_on") == "2026-06-30" && one.string("kind") == "achievement")
            #expect(try await h.call(.get, "/v1/evidence/\(ids[1])", as: "hr").status == 200)
            #expect(try await h.call(.get, "/v1/evidence/no-such-entry", as: "hr").status == 404)
            #expect(try await h.call(.get, "/v1/employees/e1/evidence?limit=501", as: "e1").problemFields == ["limit"])
            #expect(try await h.call(.get, "/v1/employees/e1/evidence", as: nil).status == 401)
        }
    }
}
