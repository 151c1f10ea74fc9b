import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// 1:1s through HTTP on the real service: scheduling, agenda, notes, action items, completion
/// with carry-over and its event; the private-note matrix (only the author, through every route,
/// the event and the audit trail); the 4xx answers.
@Suite("Coaching: 1:1s", .serialized)
struct OneOnOneServiceTests {
    static func key(_ value: String) -> HTTPFields {
        [HTTPField.Name("Idempotency-Key")!: value]
    }

    /// Schedules a 1:1 of `employee` on `day` as `caller` and returns its id.
    static func schedule(_ h: CoachingHarness, _ employee: String, on day: String = "2026-07-02", as caller: String) async throws -> String {
        let reply = try await h.call(.post, "/v1/one-on-ones", as: caller, json: #"{"employee_id": "\#(employee)", "scheduled_on": "\#(day)"}"#)
        #expect(reply.status == 201, "\(reply.text)")
        return try reply.string("meeting_id")
    }

    @Test("schedule, agenda, action items, notes, complete: open items carry over to a new 1:1 a cadence later, done ones stay; one event, replay-safe")
    func completeWithCarryOver() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([NudgeTests.created("g1", owner: "e1", title: "Ship the thing")])
            try await NudgeTests.drain(h)
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")

            let meeting = try await Self.schedule(h, "e1", as: "m1")
            let read = try await h.call(.get, "/v1/one-on-ones/\(meeting)", as: "e1")
            #expect(read.status == 200)
            #expect(try read.string("manager_id") == "m1")
            #expect(try read.string("status") == "scheduled")

            let topic = try await h.call(.post, "/v1/one-on-ones/\(meeting)/agenda", as: "e1", json: #"{"title": "My pipeline", "goal_id": "g1"}"#)
            #expect(topic.status == 201, "\(topic.text)")
            #expect(try topic.string("added_by") == "e1")
            #expect(try topic.string("source") == "manual")
            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/agenda", as: "m1", json: #"{"title": "Training"}"#).status == 201)

            let open = try await h.call(
                .post, "/v1/one-on-ones/\(meeting)/action-items", as: "m1", json: #"{"owner_id": "e1", "title": "Draft the plan", "due_on": "2026-07-10"}"#)
            #expect(open.status == 201, "\(open.text)")
            let openID = try open.string("action_item_id")
            let done = try await h.call(.post, "/v1/one-on-ones/\(meeting)/action-items", as: "e1", json: #"{"owner_id": "m1", "title": "Book the course"}"#)
            let doneID = try done.string("action_item_id")
            let marked = try await h.call(.post, "/v1/action-items/\(doneID)/done", as: "m1")
            #expect(marked.status == 200)
            #expect(try marked.string("state") == "done")
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/notes", as: "m1", json: #"{"shared_notes": "We agreed a plan."}"#).status == 200)

            let body = #"{"held_on": "2026-07-02", "duration_minutes": 30}"#
            let completed = try await h.call(.post, "/v1/one-on-ones/\(meeting)/complete", as: "e1", json: body, headers: Self.key("complete-1"))
            #expect(completed.status == 200, "\(completed.text)")
            let replay = try await h.call(.post, "/v1/one-on-ones/\(meeting)/complete", as: "e1", json: body, headers: Self.key("complete-1"))
            #expect(replay.status == 200)
            #expect(replay.headers[IdempotentWrites.replayedHeader] == "true")
            #expect(replay.text == completed.text)
            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/complete", as: "e1", json: body).status == 409)

            let result = try completed.json
            let next = try #require(result["next_meeting_id"] as? String)
            #expect(result["carried_over"] as? [String] == [openID])
            let completedMeeting = try #require(result["meeting"] as? [String: Any])
            #expect(completedMeeting["status"] as? String == "completed")
            #expect(completedMeeting["completed_by"] as? String == "e1")
            #expect((completedMeeting["action_items"] as? [[String: Any]])?.map { $0["action_item_id"] as? String } == [doneID])

            // The new 1:1: one default cadence (biweekly, 14 days) after the day it was held.
            let nextMeeting = try await h.call(.get, "/v1/one-on-ones/\(next)", as: "m1")
            #expect(try nextMeeting.string("scheduled_on") == "2026-07-16")
            #expect(try nextMeeting.string("created_by") == "coaching:carry-over")
            let nextJSON = try nextMeeting.json
            #expect((nextJSON["action_items"] as? [[String: Any]])?.map { $0["action_item_id"] as? String } == [openID])
            let agenda = try #require(nextJSON["agenda"] as? [[String: Any]])
            #expect(agenda.count == 1)
            #expect(agenda.first?["source"] as? String == "carried_over")
            #expect(agenda.first?["action_item_id"] as? String == openID)
            #expect(agenda.first?["title"] as? String == "Follow up: Draft the plan")
            #expect(try await h.scalar("SELECT origin_meeting_id FROM $schema.action_items WHERE action_item_id = '\(openID)'", as: String.self) == meeting)

            // Completing the follow-up meeting too (the sentinel: its event comes after any duplicate
            // of the first on the employee's partition) carries the still-open item on once more.
            let second = try await h.call(
                .post, "/v1/one-on-ones/\(next)/complete", as: "m1", json: #"{"held_on": "2026-07-02", "duration_minutes": 20}"#)
            #expect(second.status == 200)
            #expect(try second.json["carried_over"] as? [String] == [openID])
            let third = try #require(try second.json["next_meeting_id"] as? String)
            #expect(third != next && third != meeting)

            let events = try await tap.events { seen in
                seen.contains {
                    $0.0.type == OneOnOneCompleted.eventType
                        && (try? EventCodec.decodePayload(OneOnOneCompleted.self, from: $0.1.value))?.meetingID == next
                }
            }
            await tap.close()
            let completions = try events.filter { $0.0.type == OneOnOneCompleted.eventType }
                .map { ($0.1, try EventCodec.decodePayload(OneOnOneCompleted.self, from: $0.1.value)) }
            #expect(completions.count == 2)
            #expect(completions.filter { $0.1.meetingID == meeting }.count == 1)
            let message = try #require(completions.first { $0.1.meetingID == meeting }).0
            #expect(message.keyString == "e1")
            let event = try EventCodec.decodePayload(OneOnOneCompleted.self, from: message.value)
            #expect(event.meetingID == meeting)
            #expect(event.managerID == "m1")
            #expect(event.actorID == "e1")
            #expect(event.heldOn == CalendarDate(year: 2026, month: 7, day: 2))
            #expect(event.durationMinutes == 30)
            #expect(event.agendaItemCount == 2)
            #expect(event.goalIDs == ["g1"])
            #expect(Set(event.actionItems.map(\.actionItemID)) == [openID, doneID])
            #expect(event.actionItems.first { $0.actionItemID == openID }?.dueDate == CalendarDate(year: 2026, month: 7, day: 10))
            #expect(!String(decoding: message.value, as: UTF8.self).contains("We agreed a plan."))
            // Audited under the participants' names.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'e1'", as: Int.self) ?? 0 >= 3)
        }
    }

    @Test("a private note is seen by its author only: not the other participant, the skip-level, HR or a peer; never in lists, events, the audit trail or stored replies")
    func privateNoteMatrix() async throws {
        try await CoachingHarness.coaching { h in
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            let employeeMarker = "PRIVATE-E1-\(UUID().uuidString)"
            let managerMarker = "PRIVATE-M1-\(UUID().uuidString)"
            let meeting = try await Self.schedule(h, "e1", as: "e1")
            for (author, marker) in [("e1", employeeMarker), ("m1", managerMarker)] {
                let written = try await h.call(
                    .put, "/v1/one-on-ones/\(meeting)/private-note", as: author, json: #"{"body": "\#(marker)"}"#,
                    headers: Self.key("note-\(author)"))
                #expect(written.status == 200, "\(written.text)")
                #expect(!written.text.contains(marker))
            }
            // Rewriting replaces the author's own note.
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/private-note", as: "m1", json: #"{"body": "\#(managerMarker) v2"}"#).status == 200)
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/notes", as: "e1", json: #"{"shared_notes": "Shared text"}"#).status == 200)

            func bodies(as viewer: String) async throws -> (meeting: TestReply, list: TestReply) {
                (try await h.call(.get, "/v1/one-on-ones/\(meeting)", as: viewer), try await h.call(.get, "/v1/employees/e1/one-on-ones", as: viewer))
            }
            let own = try await bodies(as: "e1")
            #expect(((try own.meeting.json["private_note"]) as? [String: Any])?["body"] as? String == employeeMarker)
            #expect(!own.meeting.text.contains(managerMarker))
            let manager = try await bodies(as: "m1")
            #expect(((try manager.meeting.json["private_note"]) as? [String: Any])?["body"] as? String == "\(managerMarker) v2")
            #expect(!manager.meeting.text.contains(employeeMarker))
            for viewer in ["vp1", "ceo", "hr"] {
                let seen = try await bodies(as: viewer)
                #expect(seen.meeting.status == 200, "\(viewer)")
                #expect(try seen.meeting.json["private_note"] == nil, "\(viewer)")
                #expect(try seen.meeting.string("shared_notes") == "Shared text")
                #expect(seen.list.status == 200)
                #expect(try seen.list.items.count == 1)
                for marker in [employeeMarker, managerMarker] {
                    #expect(!seen.meeting.text.contains(marker), "\(viewer)")
                    #expect(!seen.list.text.contains(marker), "\(viewer)")
                }
            }
            for viewer in ["e1", "m1"] {
                let list = try await h.call(.get, "/v1/employees/e1/one-on-ones", as: viewer)
                #expect(!list.text.contains(employeeMarker) && !list.text.contains(managerMarker))
            }
            for stranger in ["e2", "m2", "e3", "vp2"] {
                let seen = try await bodies(as: stranger)
                #expect(seen.meeting.status == 404, "\(stranger)")
                #expect(seen.list.status == 404, "\(stranger)")
            }
            // Nobody but a participant writes a private note.
            for outsider in ["hr", "vp1"] {
                #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/private-note", as: outsider, json: #"{"body": "x"}"#).status == 403)
            }
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/private-note", as: "e2", json: #"{"body": "x"}"#).status == 404)

            let completed = try await h.call(
                .post, "/v1/one-on-ones/\(meeting)/complete", as: "m1", json: #"{"held_on": "2026-07-02", "duration_minutes": 45}"#,
                headers: Self.key("done"))
            #expect(completed.status == 200)
            #expect(!completed.text.contains(employeeMarker) && !completed.text.contains(managerMarker))
            let events = try await tap.events { seen in seen.contains { $0.0.type == OneOnOneCompleted.eventType } }
            await tap.close()
            #expect(events.count == 1)
            for (_, message) in events {
                let text = String(decoding: message.value, as: UTF8.self) + message.headers.map { String(decoding: $0.value ?? [], as: UTF8.self) }.joined()
                #expect(!text.contains("PRIVATE-"))
                #expect(!text.contains("Shared text"))
            }
            // Nowhere else in the schema: not the audit trail, not the stored idempotent replies, not the outbox.
            for table in ["audit_trail", "idempotency_keys", "outbox", "one_on_ones", "agenda_items", "action_items"] {
                let found = try await h.scalar(
                    "SELECT count(*)::int FROM $schema.\(table) t WHERE row_to_json(t)::text LIKE '%PRIVATE-%'", as: Int.self)
                #expect(found == 0, "\(table)")
            }
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.private_notes", as: Int.self) == 2)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE table_name = 'private_notes'", as: Int.self) == 0)
        }
    }

    @Test("scheduling: the manager or the employee; the skip-level, HR and strangers may not; bad fields are 400s naming them")
    func schedulingRules() async throws {
        try await CoachingHarness.coaching { h in
            let body = #"{"employee_id": "e1", "scheduled_on": "2026-07-09"}"#
            #expect(try await h.call(.post, "/v1/one-on-ones", as: "e1", json: body).status == 201)
            #expect(try await h.call(.post, "/v1/one-on-ones", as: "vp1", json: body).status == 403)
            #expect(try await h.call(.post, "/v1/one-on-ones", as: "hr", json: body).status == 403)
            #expect(try await h.call(.post, "/v1/one-on-ones", as: "e2", json: body).status == 404)
            #expect(try await h.call(.post, "/v1/one-on-ones", as: "m2", json: body).status == 404)
            #expect(try await h.call(.post, "/v1/one-on-ones", as: nil, json: body).status == 401)
            let past = try await h.call(.post, "/v1/one-on-ones", as: "m1", json: #"{"employee_id": "e1", "scheduled_on": "2026-07-01"}"#)
            #expect(past.status == 400)
            #expect(past.problemFields == ["scheduled_on"])
            let missing = try await h.call(.post, "/v1/one-on-ones", as: "m1", json: #"{"scheduled_on": "2026-07-09"}"#)
            #expect(missing.status == 400)
            #expect(missing.problemFields == ["employee_id"])
            let blank = try await h.call(.post, "/v1/one-on-ones", as: "m1", json: #"{"employee_id": " ", "scheduled_on": "2026-07-09"}"#)
            #expect(blank.problemFields == ["employee_id"])
            let badDay = try await h.call(.post, "/v1/one-on-ones", as: "m1", json: #"{"employee_id": "e1", "scheduled_on": "July"}"#)
            #expect(badDay.problemFields == ["scheduled_on"])
            let noManager = try await h.call(.post, "/v1/one-on-ones", as: "ceo", json: #"{"employee_id": "ceo", "scheduled_on": "2026-07-09"}"#)
            #expect(noManager.status == 422)
            #expect(noManager.problemFields == ["employee_id"])
            let unknown = try await h.call(.post, "/v1/one-on-ones", as: "hr", json: #"{"employee_id": "nobody", "scheduled_on": "2026-07-09"}"#)
            #expect(unknown.status == 422)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.one_on_ones", as: Int.self) == 1)
            #expect(try await h.call(.get, "/v1/one-on-ones/no-such-meeting", as: "hr").status == 404)

            // Newest first, page by page.
            _ = try await Self.schedule(h, "e1", on: "2026-07-20", as: "m1")
            let first = try await h.call(.get, "/v1/employees/e1/one-on-ones?limit=1", as: "m1")
            #expect(try first.items.first?["scheduled_on"] as? String == "2026-07-20")
            let cursor = try #require(try first.json["next_cursor"] as? String)
            let second = try await h.call(.get, "/v1/employees/e1/one-on-ones?limit=1&cursor=\(cursor)", as: "m1")
            #expect(try second.items.first?["scheduled_on"] as? String == "2026-07-09")
            #expect(try second.json["next_cursor"] == nil)
            #expect(try await h.call(.get, "/v1/employees/e1/one-on-ones?cursor=%%%", as: "m1").status == 400)
        }
    }

    @Test("agenda, notes, action items, done, complete and cancel: participants only (403 to others who see it, 404 to strangers), 409 once closed, 400/422 naming the field")
    func writeRules() async throws {
        try await CoachingHarness.coaching { h in
            let meeting = try await Self.schedule(h, "e1", as: "m1")
            let agenda = "/v1/one-on-ones/\(meeting)/agenda"
            #expect(try await h.call(.post, agenda, as: "vp1", json: #"{"title": "x"}"#).status == 403)
            #expect(try await h.call(.post, agenda, as: "hr", json: #"{"title": "x"}"#).status == 403)
            #expect(try await h.call(.post, agenda, as: "e3", json: #"{"title": "x"}"#).status == 404)
            let blank = try await h.call(.post, agenda, as: "e1", json: #"{"title": "  "}"#)
            #expect(blank.status == 400)
            #expect(blank.problemFields == ["title"])
            let unknownGoal = try await h.call(.post, agenda, as: "e1", json: #"{"title": "x", "goal_id": "nope"}"#)
            #expect(unknownGoal.status == 422)
            #expect(unknownGoal.problemFields == ["goal_id"])
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/notes", as: "hr", json: #"{"shared_notes": "x"}"#).status == 403)
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/notes", as: "e1", json: #"{"shared_notes": ""}"#).problemFields == ["shared_notes"])

            let items = "/v1/one-on-ones/\(meeting)/action-items"
            let foreignOwner = try await h.call(.post, items, as: "m1", json: #"{"owner_id": "vp1", "title": "x"}"#)
            #expect(foreignOwner.status == 422)
            #expect(foreignOwner.problemFields == ["owner_id"])
            let pastDue = try await h.call(.post, items, as: "m1", json: #"{"owner_id": "e1", "title": "x", "due_on": "2026-06-01"}"#)
            #expect(pastDue.status == 400)
            #expect(pastDue.problemFields == ["due_on"])
            #expect(try await h.call(.post, items, as: "vp1", json: #"{"owner_id": "e1", "title": "x"}"#).status == 403)
            let item = try await h.call(.post, items, as: "m1", json: #"{"owner_id": "e1", "title": "Write it up"}"#)
            let itemID = try item.string("action_item_id")
            #expect(try await h.call(.post, "/v1/action-items/\(itemID)/done", as: "e2").status == 404)
            #expect(try await h.call(.post, "/v1/action-items/\(itemID)/done", as: "vp1").status == 403)
            #expect(try await h.call(.post, "/v1/action-items/\(itemID)/done", as: "e1").status == 200)
            #expect(try await h.call(.post, "/v1/action-items/\(itemID)/done", as: "m1").status == 409)
            #expect(try await h.call(.post, "/v1/action-items/nope/done", as: "m1").status == 404)

            let complete = "/v1/one-on-ones/\(meeting)/complete"
            let future = try await h.call(.post, complete, as: "e1", json: #"{"held_on": "2026-07-03", "duration_minutes": 30}"#)
            #expect(future.problemFields == ["held_on"])
            let zero = try await h.call(.post, complete, as: "e1", json: #"{"held_on": "2026-07-02", "duration_minutes": 0}"#)
            #expect(zero.problemFields == ["duration_minutes"])
            let fraction = try await h.call(.post, complete, as: "e1", json: #"{"held_on": "2026-07-02", "duration_minutes": 1.5}"#)
            #expect(fraction.problemFields == ["duration_minutes"])
            #expect(try await h.call(.post, complete, as: "hr", json: #"{"held_on": "2026-07-02", "duration_minutes": 30}"#).status == 403)

            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/cancel", as: "vp1").status == 403)
            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/cancel", as: "e3").status == 404)
            let cancelled = try await h.call(.post, "/v1/one-on-ones/\(meeting)/cancel", as: "e1")
            #expect(cancelled.status == 200)
            #expect(try cancelled.string("status") == "cancelled")
            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/cancel", as: "e1").status == 409)
            #expect(try await h.call(.post, agenda, as: "e1", json: #"{"title": "late"}"#).status == 409)
            #expect(try await h.call(.post, items, as: "e1", json: #"{"owner_id": "e1", "title": "late"}"#).status == 409)
            #expect(try await h.call(.put, "/v1/one-on-ones/\(meeting)/notes", as: "e1", json: #"{"shared_notes": "late"}"#).status == 409)
            #expect(try await h.call(.post, complete, as: "e1", json: #"{"held_on": "2026-07-02", "duration_minutes": 30}"#).status == 409)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.agenda_items", as: Int.self) == 0)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.action_items", as: Int.self) == 1)
        }
    }
    @Test("reschedule: either participant moves a scheduled 1:1 with its agenda; 403/404 to others, 400 naming scheduled_on for a past or malformed day, 409 once closed; the day is kept and audited")
    func rescheduleRules() async throws {
        try await CoachingHarness.coaching { h in
            let meeting = try await Self.schedule(h, "e1", as: "m1")
            let path = "/v1/one-on-ones/\(meeting)/reschedule"
            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/agenda", as: "e1", json: #"{"title": "Plan Q3"}"#).status == 201)
            #expect(try await h.call(.post, path, as: "vp1", json: #"{"scheduled_on": "2026-07-09"}"#).status == 403)
            #expect(try await h.call(.post, path, as: "hr", json: #"{"scheduled_on": "2026-07-09"}"#).status == 403)
            #expect(try await h.call(.post, path, as: "e3", json: #"{"scheduled_on": "2026-07-09"}"#).status == 404)
            #expect(try await h.call(.post, "/v1/one-on-ones/nope/reschedule", as: "m1", json: #"{"scheduled_on": "2026-07-09"}"#).status == 404)
            for body in [#"{"scheduled_on": "2026-07-01"}"#, #"{"scheduled_on": "next week"}"#, #"{}"#, #"{"scheduled_on": null}"#] {
                let refused = try await h.call(.post, path, as: "e1", json: body)
                #expect(refused.status == 400, "\(body)")
                #expect(refused.problemFields == ["scheduled_on"], "\(body)")
            }
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.one_on_ones WHERE meeting_id = '\(meeting)'", as: String.self) == "2026-07-02")

            let moved = try await h.call(.post, path, as: "e1", json: #"{"scheduled_on": "2026-07-09"}"#)
            #expect(moved.status == 200)
            #expect(try moved.string("scheduled_on") == "2026-07-09")
            #expect(try moved.string("status") == "scheduled")
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.one_on_ones WHERE meeting_id = '\(meeting)'", as: String.self) == "2026-07-09")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.agenda_items WHERE meeting_id = '\(meeting)'", as: Int.self) == 1)
            #expect(try await h.scalar("""
                SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'e1' AND action = 'reschedule-one-on-one'
                """, as: Int.self) == 1)
            // Today is allowed; the manager may move it too.
            #expect(try await h.call(.post, path, as: "m1", json: #"{"scheduled_on": "2026-07-02"}"#).status == 200)

            #expect(try await h.call(.post, "/v1/one-on-ones/\(meeting)/cancel", as: "m1").status == 200)
            #expect(try await h.call(.post, path, as: "m1", json: #"{"scheduled_on": "2026-07-09"}"#).status == 409)
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.one_on_ones WHERE meeting_id = '\(meeting)'", as: String.self) == "2026-07-02")
        }
    }
}
