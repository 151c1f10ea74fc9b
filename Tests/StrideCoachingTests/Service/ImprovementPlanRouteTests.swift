import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// Improvement plans through HTTP: drafted by the manager, approved by HR (never by the author
/// or the employee), acknowledged by the employee, reviewed at checkpoints and closed as
/// succeeded, extended (within the policy) or failed, with the three plan events.
@Suite("Coaching: improvement plans", .serialized)
struct ImprovementPlanRouteTests {
    /// A plan for `employee` from 2026-06-01 to `endsOn` (the harness's today is 2026-07-02).
    static func draft(employee: String = "e1", endsOn: String = "2026-07-01", checkpoint: String = "2026-06-15") -> String {
        """
        {"employee_id": "\(employee)", "hr_partner_id": "hr", "reason": "Deadlines missed in Q2",
         "starts_on": "2026-06-01", "ends_on": "\(endsOn)",
         "objectives": [{"description": "Deliver sprint commitments", "success_measure": "90% of stories done"},
                        {"description": "Status updates", "success_measure": "Weekly written update"}],
         "support": [{"kind": "mentoring", "detail": "Weekly pairing with a senior engineer"}],
         "checkpoints": [{"due_on": "\(checkpoint)"}]}
        """
    }

    /// Drafts, approves (hr) and acknowledges (the employee) a plan; returns its id.
    static func started(_ h: CoachingHarness, employee: String = "e1", endsOn: String = "2026-07-01") async throws -> String {
        let created = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: draft(employee: employee, endsOn: endsOn))
        try #require(created.status == 201, "\(created.text)")
        let id = try created.string("plan_id")
        try #require(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "hr2").status == 200)
        try #require(try await h.call(.post, "/v1/improvement-plans/\(id)/acknowledge", as: employee).status == 200)
        return id
    }

    static func payloads<E: StrideEvent>(_ type: E.Type, in events: [(EventMetadata, KafkaConsumerMessage)]) throws -> [E] {
        try events.filter { $0.0.type == E.eventType }.map { try EventCodec.decodePayload(E.self, from: $0.1.value) }
    }

    @Test("draft → approved by HR → acknowledged → checkpoint reviewed → succeeded, with who may do what and the three events")
    func succeeded() async throws {
        try await CoachingHarness.coaching { h in
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await tap.close() } }
            let created = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: Self.draft(endsOn: "2026-09-30"))
            #expect(created.status == 201, "\(created.text)")
            let id = try created.string("plan_id")
            #expect(try created.string("status") == "draft")
            #expect(try created.string("manager_id") == "m1")
            #expect(try (created.json["objectives"] as? [[String: Any]])?.compactMap { $0["objective_id"] as? String } == ["o1", "o2"])

            // Visibility: the employee, their reporting line and HR; nobody else.
            for viewer in ["e1", "m1", "vp1", "ceo", "hr"] {
                #expect(try await h.call(.get, "/v1/improvement-plans/\(id)", as: viewer).status == 200, "\(viewer)")
            }
            for stranger in ["e2", "e3", "m2", "vp2"] {
                #expect(try await h.call(.get, "/v1/improvement-plans/\(id)", as: stranger).status == 404, "\(stranger)")
            }

            // Invalid transitions before approval.
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/acknowledge", as: "e1").status == 409)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/checkpoints/c1/review", as: "m1",
                                     json: #"{"assessment": "on_track", "objectives_met": 1}"#).status == 409)
            // Separation of duties: not the author (the manager), not the employee, only HR.
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "m1").status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "e1").status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "vp1").status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "e2").status == 404)
            let approved = try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "hr2")
            #expect(approved.status == 200, "\(approved.text)")
            #expect(try approved.string("status") == "approved")
            #expect(try approved.string("approved_by") == "hr2")
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/approve", as: "hr").status == 409)
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "m1", json: #"{"version": 2, "reason": "x"}"#).status == 409)

            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/acknowledge", as: "m1").status == 403)
            let acknowledged = try await h.call(.post, "/v1/improvement-plans/\(id)/acknowledge", as: "e1")
            #expect(acknowledged.status == 200)
            #expect(try acknowledged.string("status") == "in_progress")
            #expect(try acknowledged.string("acknowledged_on") == "2026-07-02")

            let review = #"{"assessment": "on_track", "objectives_met": 1, "notes": "Good first weeks"}"#
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/checkpoints/c1/review", as: "e1", json: review).status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/checkpoints/nope/review", as: "m1", json: review).problemFields == ["checkpoint_id"])
            let reviewed = try await h.call(.post, "/v1/improvement-plans/\(id)/checkpoints/c1/review", as: "m1", json: review)
            #expect(reviewed.status == 200, "\(reviewed.text)")
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/checkpoints/c1/review", as: "m1", json: review).status == 409)

            // Failing before the end date is refused; succeeding is possible any time.
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/close", as: "m1", json: #"{"outcome": "failed", "reason": "r"}"#).status == 409)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/close", as: "e1", json: #"{"outcome": "succeeded", "reason": "r"}"#).status == 403)
            let closed = try await h.call(.post, "/v1/improvement-plans/\(id)/close", as: "m1",
                                          json: #"{"outcome": "succeeded", "reason": "All objectives met", "objectives_met": 2}"#)
            #expect(closed.status == 200, "\(closed.text)")
            #expect(try closed.string("status") == "succeeded")
            #expect(try closed.string("closed_on") == "2026-07-02")
            #expect(try await h.call(.post, "/v1/improvement-plans/\(id)/close", as: "m1", json: #"{"outcome": "succeeded", "reason": "r"}"#).status == 409)

            let events = try await tap.events { seen in seen.contains { $0.0.type == ImprovementPlanClosed.eventType } }
            let started = try Self.payloads(ImprovementPlanStarted.self, in: events)
            #expect(started.count == 1)
            #expect(started.first?.planID == id)
            #expect(started.first?.actorID == "e1")
            #expect(started.first?.managerID == "m1")
            #expect(started.first?.hrPartnerID == "hr")
            #expect(started.first?.supportOffered == ["mentoring: Weekly pairing with a senior engineer"])
            #expect(started.first?.checkpointDates == [CalendarDate(year: 2026, month: 6, day: 15)])
            let reviews = try Self.payloads(ImprovementPlanCheckpointReviewed.self, in: events)
            #expect(reviews.count == 1)
            #expect(reviews.first?.assessment == .onTrack)
            #expect(reviews.first?.objectivesMet == 1)
            #expect(reviews.first?.objectivesTotal == 2)
            let closings = try Self.payloads(ImprovementPlanClosed.self, in: events)
            #expect(closings.count == 1)
            #expect(closings.first?.outcome == .succeeded)
            #expect(closings.first?.objectivesMet == 2)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE action = 'approve-improvement-plan' AND actor_id = 'hr2'", as: Int.self) ?? 0 >= 1)
        }
    }

    @Test("extended once within the policy, a second extension or one beyond the longest plan refused; failed after the end")
    func extendedAndFailed() async throws {
        try await CoachingHarness.coaching { h in
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await tap.close() } }
            let extended = try await Self.started(h)
            // The checkpoint due so far must be reviewed before extending.
            #expect(try await h.call(.post, "/v1/improvement-plans/\(extended)/close", as: "m1",
                                     json: #"{"outcome": "extended", "extended_until": "2026-08-31", "reason": "More time"}"#).status == 409)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(extended)/checkpoints/c1/review", as: "m1",
                                     json: #"{"assessment": "needs_attention", "objectives_met": 1, "notes": "Half way"}"#).status == 200)
            let tooFar = try await h.call(.post, "/v1/improvement-plans/\(extended)/close", as: "m1",
                                          json: #"{"outcome": "extended", "extended_until": "2027-08-31", "reason": "More time"}"#)
            #expect(tooFar.status == 400)
            #expect(tooFar.problemFields == ["extended_until"])
            #expect(try await h.call(.post, "/v1/improvement-plans/\(extended)/close", as: "m1",
                                     json: #"{"outcome": "extended", "reason": "More time"}"#).problemFields == ["extended_until"])
            let once = try await h.call(.post, "/v1/improvement-plans/\(extended)/close", as: "m1",
                                        json: #"{"outcome": "extended", "extended_until": "2026-08-31", "reason": "More time", "checkpoints": [{"due_on": "2026-08-15"}]}"#)
            #expect(once.status == 200, "\(once.text)")
            #expect(try once.string("status") == "in_progress")
            #expect(try once.string("ends_on") == "2026-08-31")
            #expect(try once.json["extension_count"] as? Int == 1)
            #expect(try (once.json["checkpoints"] as? [[String: Any]])?.compactMap { $0["checkpoint_id"] as? String } == ["c1", "c2"])
            let twice = try await h.call(.post, "/v1/improvement-plans/\(extended)/close", as: "m1",
                                         json: #"{"outcome": "extended", "extended_until": "2026-09-30", "reason": "Again"}"#)
            #expect(twice.status == 409)

            let failed = try await Self.started(h, employee: "e2")
            #expect(try await h.call(.post, "/v1/improvement-plans/\(failed)/close", as: "m1",
                                     json: #"{"outcome": "failed", "reason": "Not met"}"#).status == 409)  // checkpoint unreviewed
            #expect(try await h.call(.post, "/v1/improvement-plans/\(failed)/checkpoints/c1/review", as: "m1",
                                     json: #"{"assessment": "off_track", "objectives_met": 0}"#).problemFields == ["notes"])
            #expect(try await h.call(.post, "/v1/improvement-plans/\(failed)/checkpoints/c1/review", as: "m1",
                                     json: #"{"assessment": "off_track", "objectives_met": 0, "notes": "No progress"}"#).status == 200)
            let closed = try await h.call(.post, "/v1/improvement-plans/\(failed)/close", as: "m1",
                                          json: #"{"outcome": "failed", "reason": "Objectives not met"}"#)
            #expect(closed.status == 200, "\(closed.text)")
            #expect(try closed.string("status") == "failed")
            #expect(try await h.call(.post, "/v1/improvement-plans/\(failed)/checkpoints/c1/review", as: "m1",
                                     json: #"{"assessment": "on_track", "objectives_met": 1}"#).status == 409)

            let events = try await tap.events { seen in seen.filter { $0.0.type == ImprovementPlanClosed.eventType }.count >= 2 }
            let closings = try Self.payloads(ImprovementPlanClosed.self, in: events)
            #expect(closings.map(\.outcome) == [.extended, .failed])
            #expect(closings.first?.extendedUntil == CalendarDate(year: 2026, month: 8, day: 31))
            #expect(closings.first?.objectivesMet == 1)
            #expect(closings.last?.employeeID == "e2")
            #expect(closings.last?.objectivesMet == 0)
            #expect(try Self.payloads(ImprovementPlanStarted.self, in: events).count == 2)
            #expect(try Self.payloads(ImprovementPlanCheckpointReviewed.self, in: events).count == 2)
        }
    }

    @Test("bad drafts and patches are 400s naming the field and change nothing; who may draft and revise; idempotent; paginated")
    func validationAccessAndLists() async throws {
        try await CoachingHarness.coaching { h in
            func fields(_ json: String, as subject: String = "m1") async throws -> [String] {
                let reply = try await h.call(.post, "/v1/improvement-plans", as: subject, json: json)
                #expect(reply.status == 400, "\(reply.text)")
                return reply.problemFields
            }
            let good = Self.draft(endsOn: "2026-09-30")
            #expect(try await fields(good.replacingOccurrences(of: #""reason": "Deadlines missed in Q2","#, with: "")) == ["reason"])
            #expect(try await fields(good.replacingOccurrences(of: #""reason": "Deadlines missed in Q2""#, with: #""reason": " ""#)) == ["reason"])
            #expect(try await fields(good.replacingOccurrences(of: #""employee_id": "e1""#, with: #""employee_id": " ""#)) == ["employee_id"])
            #expect(try await fields(good.replacingOccurrences(of: #""kind": "mentoring""#, with: #""kind": "money""#)) == ["support[0].kind"])
            #expect(try await fields(good.replacingOccurrences(of: #""due_on": "2026-06-15""#, with: #""due_on": "2026-12-15""#)) == ["checkpoints[0].due_on"])
            #expect(try await fields(good.replacingOccurrences(of: #""ends_on": "2026-09-30""#, with: #""ends_on": "2026-05-30""#)).contains("ends_on"))
            #expect(try await fields(Self.draft(endsOn: "2026-09-30").replacingOccurrences(
                of: #""support": [{"kind": "mentoring", "detail": "Weekly pairing with a senior engineer"}]"#, with: #""support": []"#)) == ["support"])
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.improvement_plans", as: Int.self) == 0)

            // Only the direct manager drafts; strangers learn nothing.
            #expect(try await h.call(.post, "/v1/improvement-plans", as: "vp1", json: good).status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans", as: "e1", json: good).status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans", as: "hr", json: good).status == 403)
            #expect(try await h.call(.post, "/v1/improvement-plans", as: "m2", json: good).status == 404)

            // Idempotent: the same key twice is one plan.
            let first = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: good, headers: [.init("Idempotency-Key")!: "plan-1"])
            let again = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: good, headers: [.init("Idempotency-Key")!: "plan-1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            let id = try first.string("plan_id")
            #expect(try again.string("plan_id") == id)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.improvement_plans", as: Int.self) == 1)

            // Revisions: the author, with the current version.
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "m1", json: #"{"reason": "x"}"#).problemFields == ["version"])
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "m1", json: #"{"version": 7, "reason": "x"}"#).status == 409)
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "hr", json: #"{"version": 1, "reason": "x"}"#).status == 403)
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "e3", json: #"{"version": 1, "reason": "x"}"#).status == 404)
            #expect(try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "m1", json: #"{"version": 1, "objectives": []}"#).problemFields == ["objectives"])
            let revised = try await h.call(.patch, "/v1/improvement-plans/\(id)", as: "m1",
                                           json: #"{"version": 1, "reason": "Deadlines missed in Q2 and Q3", "checkpoints": [{"due_on": "2026-07-31"}, {"due_on": "2026-08-31"}]}"#)
            #expect(revised.status == 200, "\(revised.text)")
            #expect(try revised.json["version"] as? Int == 2)
            #expect(try revised.string("reason") == "Deadlines missed in Q2 and Q3")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.plan_checkpoints WHERE plan_id = '\(id)'", as: Int.self) == 2)

            // Lists: paginated, visible to the employee's side only.
            _ = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: good)
            let page1 = try await h.call(.get, "/v1/employees/e1/improvement-plans?limit=1", as: "e1")
            #expect(page1.status == 200)
            #expect(try page1.items.count == 1)
            let cursor = try #require(try page1.json["next_cursor"] as? String)
            let page2 = try await h.call(.get, "/v1/employees/e1/improvement-plans?limit=1&cursor=\(cursor)", as: "hr")
            #expect(try page2.items.count == 1)
            #expect(try page2.json["next_cursor"] == nil)
            #expect(Set(try (page1.items + page2.items).compactMap { $0["plan_id"] as? String }).count == 2)
            #expect(try await h.call(.get, "/v1/employees/e1/improvement-plans", as: "e2").status == 404)
            #expect(try await h.call(.get, "/v1/employees/e1/improvement-plans?limit=0", as: "e1").problemFields == ["limit"])
        }
    }
}
