import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// Check-in cadences per manager–report pair, the employee's check-ins and the manager's reply,
/// what is due per manager, through the HTTP API of the real service.
@Suite("Coaching: check-ins and cadences", .serialized)
struct CheckInTests {
    static func key(_ value: String) -> HTTPFields { [HTTPField.Name("Idempotency-Key")!: value] }

    static func checkIn(held: String = "2026-07-01", moved: String = "Closed two deals", blockers: [String] = [],
                        confidence: Int = 4, goals: [String] = []) -> String {
        let quoted = { (list: [String]) in "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return """
            {"held_on": "\(held)", "what_moved": "\(moved)", "blockers": \(quoted(blockers)), "confidence": \(confidence), \
            "goal_ids": \(quoted(goals))}
            """
    }

    /// Publishes goals coaching should know and waits until they are projected.
    static func knowGoals(_ h: CoachingHarness, _ goals: [(String, String)]) async throws {
        try await h.publishGoals(goals.map { NudgeTests.created($0.0, owner: $0.1, title: "Goal \($0.0)") })
        try await NudgeTests.drain(h)
    }

    @Test("the cadence: the default until set, then set by the employee, their manager or HR; others 403 or 404; next due recomputed")
    func cadenceByEitherSide() async throws {
        try await CoachingHarness.coaching { h in
            let initial = try await h.call(.get, "/v1/employees/e1/cadence", as: "e1")
            #expect(initial.status == 200)
            #expect(try initial.json["source"] as? String == "default")
            #expect(try initial.json["cadence"] as? String == "biweekly")
            #expect(try initial.json["manager_id"] as? String == "m1")
            #expect(try initial.json["next_due_on"] as? String == "2026-07-16")
            #expect(try initial.json["standing"] as? String == "not_due")

            let byEmployee = try await h.call(.put, "/v1/employees/e1/cadence", as: "e1", json: #"{"cadence": "weekly"}"#)
            #expect(byEmployee.status == 200)
            #expect(try byEmployee.json["source"] as? String == "set")
            #expect(try byEmployee.json["cadence"] as? String == "weekly")
            #expect(try byEmployee.json["started_on"] as? String == "2026-07-02")
            #expect(try byEmployee.json["next_due_on"] as? String == "2026-07-09")
            #expect(try byEmployee.json["days_until_due"] as? Int == 7)

            let byManager = try await h.call(.put, "/v1/employees/e1/cadence", as: "m1", json: #"{"cadence": "monthly"}"#)
            #expect(byManager.status == 200)
            #expect(try byManager.json["next_due_on"] as? String == "2026-08-01")
            #expect(try await h.call(.put, "/v1/employees/e1/cadence", as: "hr", json: #"{"cadence": "biweekly"}"#).status == 200)
            #expect(try await h.scalar("SELECT cadence FROM $schema.check_in_cadences WHERE employee_id = 'e1'", as: String.self) == "biweekly")
            #expect(try await h.scalar("SELECT updated_by FROM $schema.check_in_cadences WHERE employee_id = 'e1'", as: String.self) == "hr")

            // Up the line may look but not set; a peer or another team sees nothing.
            #expect(try await h.call(.put, "/v1/employees/e1/cadence", as: "vp1", json: #"{"cadence": "weekly"}"#).status == 403)
            #expect(try await h.call(.put, "/v1/employees/e1/cadence", as: "e2", json: #"{"cadence": "weekly"}"#).status == 404)
            #expect(try await h.call(.put, "/v1/employees/e1/cadence", as: "e2", json: #"{"cadence": "daily"}"#).status == 404)
            let bad = try await h.call(.put, "/v1/employees/e1/cadence", as: "e1", json: #"{"cadence": "daily"}"#)
            #expect(bad.status == 400)
            #expect(bad.problemFields == ["cadence"])
            #expect(try await h.call(.put, "/v1/employees/hr/cadence", as: "hr2", json: #"{"cadence": "weekly"}"#).status == 422)
            #expect(try await h.call(.put, "/v1/employees/nobody/cadence", as: "hr", json: #"{"cadence": "weekly"}"#).status == 404)

            let seen = try await h.call(.get, "/v1/employees/e1/cadence", as: "vp1")
            #expect(seen.status == 200)
            #expect(try seen.json["cadence"] as? String == "biweekly")
            #expect(try await h.call(.get, "/v1/employees/e1/cadence", as: "e3").status == 404)
            #expect(try await h.call(.get, "/v1/employees/e1/cadence", as: "m2").status == 404)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.check_in_cadences", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id IN ('e1', 'm1', 'hr')", as: Int.self) ?? 0 >= 3)
        }
    }

    @Test("the employee's check-in: 201, the pair moved on, CheckInRecorded once (not again on a replay with the same key)")
    func checkInRecordedOnce() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.knowGoals(h, [("g1", "e1"), ("g2", "e1")])
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            let body = Self.checkIn(held: "2026-07-01", blockers: ["Legal review", "Budget"], confidence: 4, goals: ["g1", "g2"])
            let first = try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: body, headers: Self.key("ci-1"))
            #expect(first.status == 201)
            let id = try first.string("check_in_id")
            #expect(try first.json["employee_id"] as? String == "e1")
            #expect(try first.json["manager_id"] as? String == "m1")
            #expect(try first.json["held_on"] as? String == "2026-07-01")
            #expect(try first.json["cadence"] as? String == "biweekly")
            #expect(try first.json["on_cadence"] as? Bool == true)
            #expect(try first.json["blockers"] as? [String] == ["Legal review", "Budget"])
            #expect(try first.json["confidence"] as? Int == 4)
            #expect(try first.json["goal_ids"] as? [String] == ["g1", "g2"])
            #expect(try first.json["reply"] == nil)

            let replay = try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: body, headers: Self.key("ci-1"))
            #expect(replay.status == 201)
            #expect(replay.headers[IdempotentWrites.replayedHeader] == "true")
            #expect(try replay.string("check_in_id") == id)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.check_ins", as: Int.self) == 1)

            let cadence = try await h.call(.get, "/v1/employees/e1/cadence", as: "m1")
            #expect(try cadence.json["last_check_in_on"] as? String == "2026-07-01")
            #expect(try cadence.json["next_due_on"] as? String == "2026-07-15")
            #expect(try cadence.json["standing"] as? String == "not_due")

            // A second check-in (no goals) is the sentinel: its event follows any duplicate of the first.
            let second = try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: Self.checkIn(held: "2026-07-02", moved: "More"))
            #expect(second.status == 201)
            let sentinel = try second.string("check_in_id")
            let events = try await tap.events { seen in
                seen.contains { (try? EventCodec.decodePayload(CheckInRecorded.self, from: $0.1.value))?.checkInID == sentinel }
            }
            await tap.close()
            let recorded = try events.filter { $0.0.type == CheckInRecorded.eventType }
                .map { ($0.1, try EventCodec.decodePayload(CheckInRecorded.self, from: $0.1.value)) }
            #expect(recorded.count == 2)
            let (message, event) = try #require(recorded.first { $0.1.checkInID == id })
            #expect(recorded.filter { $0.1.checkInID == id }.count == 1)
            #expect(message.keyString == "e1")
            #expect(event.employeeID == "e1")
            #expect(event.managerID == "m1")
            #expect(event.actorID == "e1")
            #expect(event.heldOn == CalendarDate(year: 2026, month: 7, day: 1))
            #expect(event.cadence == .biweekly)
            #expect(event.goalIDs == ["g1", "g2"])
            #expect(event.blockerCount == 2)
            #expect(event.nextCheckInOn == CalendarDate(year: 2026, month: 7, day: 15))
            let later = try #require(recorded.first { $0.1.checkInID == sentinel }).1
            #expect(later.nextCheckInOn == CalendarDate(year: 2026, month: 7, day: 16))
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'e1' AND table_name = 'check_ins'", as: Int.self) == 2)
        }
    }

    @Test("bad check-ins are 400s naming the field and change nothing; only the employee records theirs")
    func checkInValidationAndAccess() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.knowGoals(h, [("g1", "e1"), ("g9", "e2")])
            let cases: [(String, [String])] = [
                (Self.checkIn(confidence: 0), ["confidence"]),
                (Self.checkIn(confidence: 6), ["confidence"]),
                (Self.checkIn(moved: "   "), ["what_moved"]),
                (Self.checkIn(goals: ["g1", "nope"]), ["goal_ids[1]"]),
                (Self.checkIn(goals: ["g9"]), ["goal_ids[0]"]),
                (Self.checkIn(goals: ["g1", "g1"]), ["goal_ids[1]"]),
                (Self.checkIn(held: "2026-07-03"), ["held_on"]),
                (Self.checkIn(held: "2026-13-01"), ["held_on"]),
                (Self.checkIn(blockers: [""]), ["blockers[0]"]),
                (#"{"what_moved": "x\u0000y", "confidence": 3}"#, ["what_moved"]),
                (#"{"what_moved": "x"}"#, ["confidence"]),
                (#"{"what_moved": "x", "confidence": 2.5}"#, ["confidence"]),
            ]
            for (body, fields) in cases {
                let reply = try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: body)
                #expect(reply.status == 400, "\(body)")
                #expect(reply.problemFields == fields, "\(body): \(reply.text)")
            }
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.check_ins", as: Int.self) == 0)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.check_in_cadences", as: Int.self) == 0)

            // Manager, skip-level and HR see the employee but may not speak for them; a peer learns nothing.
            for (caller, status) in [("m1", 403), ("vp1", 403), ("hr", 403), ("e2", 404), ("e3", 404)] {
                let reply = try await h.call(.post, "/v1/employees/e1/check-ins", as: caller, json: Self.checkIn())
                #expect(reply.status == status, "\(caller)")
            }
            // Nobody to check in with.
            #expect(try await h.call(.post, "/v1/employees/hr/check-ins", as: "hr", json: Self.checkIn()).status == 422)
            #expect(try await h.call(.post, "/v1/employees/e1/check-ins", as: nil, json: Self.checkIn()).status == 401)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.check_ins", as: Int.self) == 0)
        }
    }

    @Test("the direct manager replies once; the list is newest first, paginated, and visible only to self, reporting line and HR")
    func replyAndList() async throws {
        try await CoachingHarness.coaching { h in
            var ids: [String] = []
            for day in ["2026-06-18", "2026-06-25", "2026-07-01"] {
                let reply = try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: Self.checkIn(held: day))
                #expect(reply.status == 201)
                ids.append(try reply.string("check_in_id"))
            }
            let target = ids[2]
            for (caller, status) in [("vp1", 403), ("e1", 403), ("hr", 403), ("e2", 404), ("m2", 404)] {
                let reply = try await h.call(.post, "/v1/check-ins/\(target)/reply", as: caller, json: #"{"reply": "Nice"}"#)
                #expect(reply.status == status, "\(caller)")
            }
            let empty = try await h.call(.post, "/v1/check-ins/\(target)/reply", as: "m1", json: #"{"reply": " "}"#)
            #expect(empty.status == 400)
            #expect(empty.problemFields == ["reply"])
            let missing = try await h.call(.post, "/v1/check-ins/\(target)/reply", as: "m1", json: #"{}"#)
            #expect(missing.problemFields == ["reply"])
            #expect(try await h.call(.post, "/v1/check-ins/nope/reply", as: "m1", json: #"{"reply": "Nice"}"#).status == 404)

            let replied = try await h.call(
                .post, "/v1/check-ins/\(target)/reply", as: "m1", json: #"{"reply": "Let us unblock legal."}"#, headers: Self.key("r-1"))
            #expect(replied.status == 200)
            #expect(try replied.json["reply"] as? String == "Let us unblock legal.")
            #expect(try replied.json["replied_by"] as? String == "m1")
            let again = try await h.call(
                .post, "/v1/check-ins/\(target)/reply", as: "m1", json: #"{"reply": "Let us unblock legal."}"#, headers: Self.key("r-1"))
            #expect(again.status == 200)
            #expect(try await h.call(.post, "/v1/check-ins/\(target)/reply", as: "m1", json: #"{"reply": "Again"}"#).status == 409)

            for viewer in ["e1", "m1", "vp1", "ceo", "hr"] {
                let list = try await h.call(.get, "/v1/employees/e1/check-ins", as: viewer)
                #expect(list.status == 200, "\(viewer)")
                #expect(try list.items.compactMap { $0["check_in_id"] as? String } == ids.reversed(), "\(viewer)")
            }
            for viewer in ["e2", "e3", "m2", "vp2"] {
                #expect(try await h.call(.get, "/v1/employees/e1/check-ins", as: viewer).status == 404, "\(viewer)")
            }
            let first = try await h.call(.get, "/v1/employees/e1/check-ins?limit=2", as: "m1")
            #expect(try first.items.compactMap { $0["check_in_id"] as? String } == [ids[2], ids[1]])
            #expect(try first.items.first?["reply"] as? String == "Let us unblock legal.")
            let cursor = try first.string("next_cursor")
            let second = try await h.call(.get, "/v1/employees/e1/check-ins?limit=2&cursor=\(cursor)", as: "m1")
            #expect(try second.items.compactMap { $0["check_in_id"] as? String } == [ids[0]])
            #expect(try second.json["next_cursor"] == nil)
            #expect(try await h.call(.get, "/v1/employees/e1/check-ins?cursor=garbage", as: "m1").status == 400)
        }
    }

    @Test("due and overdue check-ins per manager on a pinned day: one query over the pairs, longest overdue first, visible up the line and to HR")
    func dueAndOverdue() async throws {
        try await CoachingHarness.coaching(today: CalendarDate(year: 2026, month: 7, day: 2)) { h in
            // e1: last check-in 10 June, then weekly → due 17 June: 15 days past, overdue.
            #expect(try await h.call(.post, "/v1/employees/e1/check-ins", as: "e1", json: Self.checkIn(held: "2026-06-10")).status == 201)
            #expect(try await h.call(.put, "/v1/employees/e1/cadence", as: "m1", json: #"{"cadence": "weekly"}"#).status == 200)
            // e2: last check-in 24 June, then weekly → due 1 July: 1 day past, within the grace, due.
            #expect(try await h.call(.post, "/v1/employees/e2/check-ins", as: "e2", json: Self.checkIn(held: "2026-06-24")).status == 201)
            #expect(try await h.call(.put, "/v1/employees/e2/cadence", as: "e2", json: #"{"cadence": "weekly"}"#).status == 200)
            // e3 (m2's report): checked in yesterday, not due.
            #expect(try await h.call(.post, "/v1/employees/e3/check-ins", as: "e3", json: Self.checkIn(held: "2026-07-01")).status == 201)

            let list = try await h.call(.get, "/v1/managers/m1/check-ins/due", as: "m1")
            #expect(list.status == 200)
            let items = try list.items
            #expect(items.compactMap { $0["employee_id"] as? String } == ["e1", "e2"])
            #expect(items.compactMap { $0["standing"] as? String } == ["overdue", "due"])
            #expect(items.compactMap { $0["days_past_due"] as? Int } == [15, 1])
            #expect(items.compactMap { $0["next_due_on"] as? String } == ["2026-06-17", "2026-07-01"])

            let overdue = try await h.call(.get, "/v1/managers/m1/check-ins/due?standing=overdue", as: "m1")
            #expect(try overdue.items.compactMap { $0["employee_id"] as? String } == ["e1"])
            let page = try await h.call(.get, "/v1/managers/m1/check-ins/due?limit=1", as: "vp1")
            #expect(try page.items.compactMap { $0["employee_id"] as? String } == ["e1"])
            let rest = try await h.call(
                .get, "/v1/managers/m1/check-ins/due?limit=1&cursor=\(try page.string("next_cursor"))", as: "vp1")
            #expect(try rest.items.compactMap { $0["employee_id"] as? String } == ["e2"])
            #expect(try rest.json["next_cursor"] == nil)

            #expect(try await h.call(.get, "/v1/managers/m2/check-ins/due", as: "m2").items.isEmpty)
            for viewer in ["ceo", "hr"] {
                #expect(try await h.call(.get, "/v1/managers/m1/check-ins/due", as: viewer).items.count == 2, "\(viewer)")
            }
            for viewer in ["e1", "m2", "vp2"] {
                #expect(try await h.call(.get, "/v1/managers/m1/check-ins/due", as: viewer).status == 404, "\(viewer)")
            }
            let wrong = try await h.call(.get, "/v1/managers/m1/check-ins/due?standing=not_due", as: "m1")
            #expect(wrong.status == 400)
            #expect(wrong.problemFields == ["standing"])

            let cadence = try await h.call(.get, "/v1/employees/e1/cadence", as: "e1")
            #expect(try cadence.json["standing"] as? String == "overdue")
            #expect(try cadence.json["days_past_due"] as? Int == 15)
        }
    }
}
