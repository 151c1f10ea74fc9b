import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// `AppraisalFinalized` schedules one feedback interview per appraisal; the manager records it,
/// the employee adds their view, both sign it off, and `FeedbackInterviewCompleted` is emitted
/// exactly once with the goals suggested for the next cycle.
@Suite("Coaching: feedback interviews", .serialized)
struct FeedbackInterviewRouteTests {
    static func finalized(_ appraisalID: String, employee: String = "e1", manager: String = "m1", version: Int = 1) -> AppraisalFinalized {
        AppraisalFinalized(
            appraisalID: appraisalID, cycleID: "cy2026", employeeID: employee, managerID: manager, periodID: "fy2026",
            actorID: "appraisal-bot", version: version, goalScore: 3, competencyScore: 3, goalWeightPercent: 60,
            competencyWeightPercent: 40, finalScore: 3, rating: Rating(level: 3, label: "Meets expectations", scaleMaximum: 5), potential: .moderate,
            nineBox: NineBoxCell(performance: .moderate, potential: .moderate),
            calibrated: false)
    }

    /// Publishes a sentinel appraisal and waits until its interview exists: everything published
    /// before it on the one-partition test topic has been handled.
    static func drain(_ h: CoachingHarness) async throws {
        let sentinel = "sentinel-\(UUID().uuidString.prefix(8))"
        try await h.publishAppraisals([finalized(sentinel, employee: "e3", manager: "m2")])
        try await waitUntil("the sentinel interview is scheduled", timeout: .seconds(60)) {
            try await h.scalar("SELECT count(*)::int FROM $schema.feedback_interviews WHERE appraisal_id = '\(sentinel)'", as: Int.self) == 1
        }
    }

    static func interviewID(_ h: CoachingHarness, appraisal: String) async throws -> String {
        try await waitUntil("the interview of \(appraisal) is scheduled", timeout: .seconds(60)) {
            try await h.scalar("SELECT count(*)::int FROM $schema.feedback_interviews WHERE appraisal_id = '\(appraisal)'", as: Int.self) == 1
        }
        return try #require(try await h.scalar("SELECT interview_id FROM $schema.feedback_interviews WHERE appraisal_id = '\(appraisal)'", as: String.self))
    }

    static let record = """
        {"held_on": "2026-07-02", "achievements_affirmed": ["Closed the Acme deal"], "gaps_identified": ["Forecast accuracy"],
         "agreed_actions": ["Weekly forecast review"], "development_needs": ["Negotiation course"],
         "next_cycle_goals": [{"title": "Forecast within 10%", "kind": "kpi", "rationale": "Accuracy gap"},
                              {"title": "Mentor a new hire", "kind": "milestone"}]}
        """

    @Test("one interview per appraisal: a redelivery changes nothing, a later version updates the version, scheduled in the window")
    func scheduledOncePerAppraisal() async throws {
        try await CoachingHarness.coaching { h in
            let event = try EventCodec.encode(Self.finalized("a1"), source: "/stride/appraisal")
            try await TestPublisher.publish(encoded: [event, event], topic: h.core.settings.appraisalTopic)
            try await h.publishAppraisals([Self.finalized("a1")])
            let id = try await Self.interviewID(h, appraisal: "a1")
            try await h.publishAppraisals([Self.finalized("a1", version: 2)])
            try await waitUntil("version 2 is noted") {
                try await h.scalar("SELECT appraisal_version FROM $schema.feedback_interviews WHERE appraisal_id = 'a1'", as: Int.self) == 2
            }
            try await TestPublisher.publish(encoded: [event], topic: h.core.settings.appraisalTopic)
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.feedback_interviews WHERE appraisal_id = 'a1'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT appraisal_version FROM $schema.feedback_interviews WHERE appraisal_id = 'a1'", as: Int.self) == 2)

            let reply = try await h.call(.get, "/v1/feedback-interviews/\(id)", as: "e1")
            #expect(reply.status == 200)
            #expect(try reply.string("status") == "scheduled")
            #expect(try reply.string("manager_id") == "m1")
            // The event's day is after the service's pinned today (2026-07-02), so it counts as today.
            #expect(try reply.string("finalized_on") == "2026-07-02")
            #expect(try reply.string("scheduled_on") == "2026-07-09")
            #expect(try reply.string("due_on") == "2026-07-16")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'coaching:appraisals'", as: Int.self) ?? 0 >= 2)

            let list = try await h.call(.get, "/v1/employees/e1/feedback-interviews", as: "m1")
            #expect(try list.items.compactMap { $0["interview_id"] as? String } == [id])
            #expect(try await h.call(.get, "/v1/employees/e1/feedback-interviews", as: "e2").status == 404)
        }
    }

    @Test("reschedule: the manager or the employee moves it within its window until it is recorded; 403/404 to others, 400 naming scheduled_on outside the window, 409 once recorded")
    func rescheduleRules() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishAppraisals([Self.finalized("r1")])
            let id = try await Self.interviewID(h, appraisal: "r1")
            let path = "/v1/feedback-interviews/\(id)/reschedule"
            #expect(try await h.call(.post, path, as: "vp1", json: #"{"scheduled_on": "2026-07-10"}"#).status == 403)
            #expect(try await h.call(.post, path, as: "e2", json: #"{"scheduled_on": "2026-07-10"}"#).status == 404)
            // The window runs from the finalization (2026-07-02, today) to its due date (2026-07-16).
            for body in [#"{"scheduled_on": "2026-07-01"}"#, #"{"scheduled_on": "2026-07-17"}"#, #"{"scheduled_on": 7}"#, #"{}"#] {
                let refused = try await h.call(.post, path, as: "m1", json: body)
                #expect(refused.status == 400, "\(body)")
                #expect(refused.problemFields == ["scheduled_on"], "\(body)")
            }
            let moved = try await h.call(.post, path, as: "e1", json: #"{"scheduled_on": "2026-07-16"}"#)
            #expect(moved.status == 200)
            #expect(try moved.string("scheduled_on") == "2026-07-16")
            let again = try await h.call(.post, path, as: "m1", json: #"{"scheduled_on": "2026-07-03"}"#)
            #expect(try again.string("scheduled_on") == "2026-07-03")
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.feedback_interviews WHERE interview_id = '\(id)'", as: String.self) == "2026-07-03")
            #expect(try await h.scalar("""
                SELECT count(*)::int FROM $schema.audit_trail WHERE action = 'reschedule-feedback-interview'
                """, as: Int.self) == 2)

            #expect(try await h.call(.put, "/v1/feedback-interviews/\(id)/record", as: "m1", json: Self.record).status == 200)
            #expect(try await h.call(.post, path, as: "m1", json: #"{"scheduled_on": "2026-07-10"}"#).status == 409)
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.feedback_interviews WHERE interview_id = '\(id)'", as: String.self) == "2026-07-03")
        }
    }

    @Test("the manager records, the employee adds their view, both sign: completed once, immutable, one FeedbackInterviewCompleted with the suggestions")
    func recordAndSign() async throws {
        try await CoachingHarness.coaching { h in
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await tap.close() } }
            try await h.publishAppraisals([Self.finalized("a2")])
            let id = try await Self.interviewID(h, appraisal: "a2")
            let path = "/v1/feedback-interviews/\(id)"

            for viewer in ["e1", "m1", "vp1", "ceo", "hr"] {
                #expect(try await h.call(.get, path, as: viewer).status == 200, "\(viewer)")
            }
            for stranger in ["e2", "e3", "m2", "vp2"] {
                #expect(try await h.call(.get, path, as: stranger).status == 404, "\(stranger)")
                #expect(try await h.call(.post, "\(path)/sign", as: stranger).status == 404, "\(stranger)")
            }
            #expect(try await h.call(.post, "\(path)/sign", as: "m1").status == 409)  // nothing recorded yet
            #expect(try await h.call(.put, "\(path)/record", as: "e1", json: #"{"employee_view": "Fair"}"#).status == 409)

            // A plan for the same employee may be named; another employee's may not.
            let plan = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: ImprovementPlanRouteTests.draft(endsOn: "2026-09-30"))
            let planID = try plan.string("plan_id")
            let otherPlan = try await h.call(.post, "/v1/improvement-plans", as: "m1", json: ImprovementPlanRouteTests.draft(employee: "e2", endsOn: "2026-09-30"))
            let wrongPlan = try await h.call(.put, "\(path)/record", as: "m1",
                                             json: Self.record.replacingOccurrences(of: "{\"held_on\"", with: "{\"improvement_plan_id\": \"\(try otherPlan.string("plan_id"))\", \"held_on\""))
            #expect(wrongPlan.status == 422)
            #expect(wrongPlan.problemFields == ["improvement_plan_id"])

            // Who writes what, and field-named 400s.
            #expect(try await h.call(.put, "\(path)/record", as: "hr", json: Self.record).status == 403)
            #expect(try await h.call(.put, "\(path)/record", as: "m1", json: #"{"agreed_actions": ["x"]}"#).problemFields == ["held_on"])
            #expect(try await h.call(.put, "\(path)/record", as: "m1", json: #"{"held_on": "2026-07-02", "agreed_actions": []}"#).problemFields == ["agreed_actions"])
            #expect(try await h.call(.put, "\(path)/record", as: "m1", json: #"{"held_on": "2026-07-09", "agreed_actions": ["x"]}"#).problemFields == ["held_on"])
            #expect(try await h.call(.put, "\(path)/record", as: "m1", json: #"{"held_on": "2026-07-02", "agreed_actions": ["x"], "employee_view": "mine"}"#).problemFields == ["employee_view"])
            #expect(try await h.call(.put, "\(path)/record", as: "m1",
                                     json: #"{"held_on": "2026-07-02", "agreed_actions": ["x"], "next_cycle_goals": [{"title": "A", "kind": "vibes"}]}"#).problemFields == ["next_cycle_goals[0].kind"])
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.feedback_interviews WHERE record IS NOT NULL", as: Int.self) == 0)

            let recorded = try await h.call(.put, "\(path)/record", as: "m1",
                                            json: Self.record.replacingOccurrences(of: "{\"held_on\"", with: "{\"improvement_plan_id\": \"\(planID)\", \"held_on\""))
            #expect(recorded.status == 200, "\(recorded.text)")
            #expect(try recorded.string("status") == "recorded")
            #expect(try await h.call(.put, "\(path)/record", as: "e1", json: #"{"employee_view": "Fair", "agreed_actions": ["y"]}"#).problemFields == ["agreed_actions"])
            let viewed = try await h.call(.put, "\(path)/record", as: "e1", json: #"{"employee_view": "A fair picture; I want the course."}"#)
            #expect(viewed.status == 200, "\(viewed.text)")
            #expect(try (viewed.json["record"] as? [String: Any])?["employee_view"] as? String == "A fair picture; I want the course.")
            #expect(try (viewed.json["record"] as? [String: Any])?["agreed_actions"] as? [String] == ["Weekly forecast review"])

            #expect(try await h.call(.post, "\(path)/sign", as: "vp1").status == 403)
            #expect(try await h.call(.post, "\(path)/sign", as: "m1").status == 200)
            #expect(try await h.call(.post, "\(path)/sign", as: "m1").status == 409)
            let completed = try await h.call(.post, "\(path)/sign", as: "e1")
            #expect(completed.status == 200, "\(completed.text)")
            #expect(try completed.string("status") == "completed")
            #expect(try await h.call(.post, "\(path)/sign", as: "e1").status == 409)
            #expect(try await h.call(.put, "\(path)/record", as: "m1", json: Self.record).status == 409)
            #expect(try await h.call(.put, "\(path)/record", as: "e1", json: #"{"employee_view": "changed"}"#).status == 409)

            // A later event on the same key (the plan starting) proves nothing else followed the completion.
            #expect(try await h.call(.post, "/v1/improvement-plans/\(planID)/approve", as: "hr").status == 200)
            #expect(try await h.call(.post, "/v1/improvement-plans/\(planID)/acknowledge", as: "e1").status == 200)
            let events = try await tap.events { seen in seen.contains { $0.0.type == ImprovementPlanStarted.eventType } }
            let completions = try ImprovementPlanRouteTests.payloads(FeedbackInterviewCompleted.self, in: events)
            #expect(completions.count == 1)
            let event = try #require(completions.first)
            #expect(event.interviewID == id)
            #expect(event.employeeID == "e1")
            #expect(event.managerID == "m1")
            #expect(event.actorID == "m1")
            #expect(event.appraisalID == "a2")
            #expect(event.cycleID == "cy2026")
            #expect(event.heldOn == CalendarDate(year: 2026, month: 7, day: 2))
            #expect(event.agreements == ["Weekly forecast review"])
            #expect(event.improvementPlanID == planID)
            #expect(event.nextCycleGoalSuggestions == [
                GoalSuggestion(title: "Forecast within 10%", kind: .kpi, rationale: "Accuracy gap"),
                GoalSuggestion(title: "Mentor a new hire", kind: .milestone, rationale: nil),
            ])
        }
    }
}
