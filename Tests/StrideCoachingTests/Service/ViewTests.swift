import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// The views people need, over records seeded straight into the schema (each area's own suite
/// covers how they are written): what each viewer's timeline shows, the team board's signals,
/// HR's completion rates.
@Suite("Coaching: timeline, team board, completion rates", .serialized)
struct ViewTests {
    /// Runs `sql` (with `$schema`) as one audited transaction.
    static func seed(_ h: CoachingHarness, _ statements: [String]) async throws {
        try await h.core.pool.transaction { connection in
            try await Audit.identify(actor: "tests", action: "seed", on: connection)
            for sql in statements {
                try await connection.execute(PostgresQuery(unsafeSQL: sql.replacingOccurrences(of: "$schema", with: h.schema)))
            }
        }
    }

    static func feedback(_ id: String, from giver: String, to recipient: String, audience: String, minutesAgo: Int) -> String {
        """
        INSERT INTO $schema.feedback (feedback_id, giver_id, recipient_id, kind, audience, message, created_at)
        VALUES ('\(id)', '\(giver)', '\(recipient)', 'praise', '\(audience)', 'text of \(id)', now() - interval '\(minutesAgo) minutes')
        """
    }

    static func timelineIDs(_ h: CoachingHarness, of employee: String, as viewer: String, limit: Int = 500) async throws -> [String]? {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let reply = try await h.call(
                .get, "/v1/employees/\(employee)/timeline?limit=\(limit)" + (cursor.map { "&cursor=\($0)" } ?? ""), as: viewer)
            if reply.status == 404 { return nil }
            #expect(reply.status == 200, "\(reply.text)")
            ids += try reply.items.compactMap { $0["record_id"] as? String }
            cursor = try reply.json["next_cursor"] as? String
        } while cursor != nil
        return ids
    }

    @Test("the timeline lists every record about the employee newest first, feedback as its audience allows, to the employee, their line and HR only")
    func timelineVisibility() async throws {
        try await CoachingHarness.coaching { h in
            try await Self.seed(h, [
                Self.feedback("f-only", from: "e2", to: "e1", audience: "recipient_only", minutesAgo: 5),
                Self.feedback("f-manager", from: "e2", to: "e1", audience: "recipient_and_manager", minutesAgo: 4),
                Self.feedback("f-public", from: "e3", to: "e1", audience: "public", minutesAgo: 3),
                """
                INSERT INTO $schema.check_ins (check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved,
                    confidence, created_by, created_at)
                VALUES ('c-1', 'e1', 'm1', '2026-07-01', 'biweekly', true, 'moved', 4, 'e1', now() - interval '10 minutes')
                """,
                """
                INSERT INTO $schema.evidence (evidence_id, employee_id, author_id, kind, occurred_on, what_happened, impact, created_at)
                VALUES ('ev-1', 'e1', 'm1', 'achievement', '2026-06-30', 'closed the deal', 'big', now() - interval '2 minutes')
                """,
                """
                INSERT INTO $schema.one_on_ones (meeting_id, employee_id, manager_id, scheduled_on, shared_notes, created_by, created_at)
                VALUES ('mt-1', 'e1', 'm1', '2026-07-03', 'shared words', 'm1', now() - interval '1 minute')
                """,
                // Someone else's record never shows on e1's timeline.
                Self.feedback("f-other", from: "e1", to: "e2", audience: "public", minutesAgo: 1),
            ])
            let everything = ["mt-1", "ev-1", "f-public", "f-manager", "f-only", "c-1"]
            #expect(try await Self.timelineIDs(h, of: "e1", as: "e1") == everything)
            #expect(try await Self.timelineIDs(h, of: "e1", as: "m1") == ["mt-1", "ev-1", "f-public", "f-manager", "c-1"])
            #expect(try await Self.timelineIDs(h, of: "e1", as: "vp1") == ["mt-1", "ev-1", "f-public", "c-1"])
            #expect(try await Self.timelineIDs(h, of: "e1", as: "hr") == ["mt-1", "ev-1", "f-public", "c-1"])
            // Peers (even the giver) and other branches: 404, as for nobody.
            #expect(try await Self.timelineIDs(h, of: "e1", as: "e2") == nil)
            #expect(try await Self.timelineIDs(h, of: "e1", as: "m2") == nil)
            // Pages of one and two walk the same records, none twice.
            #expect(try await Self.timelineIDs(h, of: "e1", as: "e1", limit: 1) == everything)
            #expect(try await Self.timelineIDs(h, of: "e1", as: "e1", limit: 2) == everything)
            // A 1:1's notes are never on the timeline.
            let reply = try await h.call(.get, "/v1/employees/e1/timeline", as: "e1")
            #expect(!reply.text.contains("shared words"))
            #expect(try await h.call(.get, "/v1/employees/e1/timeline?cursor=%21%21", as: "e1").status == 400)
        }
    }

    @Test("the team board shows overdue check-ins, open and overdue action items, and at-risk goals no 1:1 has discussed since")
    func teamBoard() async throws {
        try await CoachingHarness.coaching(today: CalendarDate(year: 2026, month: 7, day: 20)) { h in
            try await Self.seed(h, [
                """
                INSERT INTO $schema.check_in_cadences (employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on, updated_by)
                VALUES ('e1', 'm1', 'weekly', '2026-06-01', '2026-07-01', '2026-07-08', 'm1'),
                       ('e2', 'm1', 'monthly', '2026-06-01', '2026-07-10', '2026-08-09', 'm1')
                """,
                """
                INSERT INTO $schema.goals (goal_id, owner_id, title, at_risk, at_risk_since, last_event_at)
                VALUES ('g-talked', 'e2', 'talked about', true, '2026-07-05T09:00:00Z', now()),
                       ('g-silent', 'e2', 'not yet', true, '2026-07-15T09:00:00Z', now()),
                       ('g-fine', 'e2', 'fine', false, NULL, now())
                """,
                """
                INSERT INTO $schema.one_on_ones (meeting_id, employee_id, manager_id, scheduled_on, status, held_on, created_by)
                VALUES ('mt-done', 'e2', 'm1', '2026-07-10', 'completed', '2026-07-10', 'm1')
                """,
                """
                INSERT INTO $schema.action_items (action_item_id, meeting_id, origin_meeting_id, employee_id, owner_id, title, due_on, created_by)
                VALUES ('a-late', 'mt-done', 'mt-done', 'e2', 'e2', 'late', '2026-07-15', 'm1'),
                       ('a-open', 'mt-done', 'mt-done', 'e2', 'e2', 'open', '2026-07-30', 'm1')
                """,
            ])
            let reply = try await h.call(.get, "/v1/managers/m1/team-board", as: "m1")
            #expect(reply.status == 200, "\(reply.text)")
            let rows = try reply.items
            #expect(rows.map { $0["employee_id"] as? String } == ["e1", "e2"])
            #expect(rows[0]["check_in"] as? String == "overdue")
            #expect(rows[1]["check_in"] as? String == "not_due")
            #expect(rows[1]["open_action_items"] as? Int == 2)
            #expect(rows[1]["overdue_action_items"] as? Int == 1)
            #expect(rows[1]["at_risk_goals_without_one_on_one"] as? [String] == ["g-silent"])
            // The manager's line and HR see it; the reports and other branches do not.
            #expect(try await h.call(.get, "/v1/managers/m1/team-board", as: "vp1").status == 200)
            #expect(try await h.call(.get, "/v1/managers/m1/team-board", as: "hr").status == 200)
            #expect(try await h.call(.get, "/v1/managers/m1/team-board", as: "e1").status == 404)
            #expect(try await h.call(.get, "/v1/managers/m1/team-board", as: "m2").status == 404)
            // Pages of one.
            let first = try await h.call(.get, "/v1/managers/m1/team-board?limit=1", as: "m1")
            let cursor = try #require(try first.json["next_cursor"] as? String)
            let second = try await h.call(.get, "/v1/managers/m1/team-board?limit=1&cursor=\(cursor)", as: "m1")
            #expect(try second.items.map { $0["employee_id"] as? String } == ["e2"])
        }
    }

    @Test("completion rates per department count check-ins on cadence, pairs not overdue and interviews held; HR only")
    func completionRates() async throws {
        try await CoachingHarness.coaching(today: CalendarDate(year: 2026, month: 7, day: 20)) { h in
            try await Self.seed(h, [
                """
                INSERT INTO $schema.check_in_cadences (employee_id, manager_id, cadence, started_on, next_due_on, updated_by)
                VALUES ('e1', 'm1', 'weekly', '2026-06-01', '2026-07-08', 'm1'), ('e2', 'm1', 'weekly', '2026-06-01', '2026-07-22', 'm1')
                """,
                """
                INSERT INTO $schema.check_ins (check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved, confidence, created_by)
                VALUES ('c1', 'e1', 'm1', '2026-07-01', 'weekly', true, 'x', 3, 'e1'),
                       ('c2', 'e2', 'm1', '2026-07-15', 'weekly', false, 'x', 3, 'e2'),
                       ('c3', 'e2', 'm1', '2026-07-16', 'weekly', true, 'x', 3, 'e2'),
                       ('c-old', 'e3', 'm2', '2026-01-02', 'weekly', true, 'x', 3, 'e3')
                """,
                """
                INSERT INTO $schema.feedback_interviews (interview_id, appraisal_id, appraisal_version, cycle_id, employee_id, manager_id,
                    finalized_on, due_on, scheduled_on, completed_at)
                VALUES ('i1', 'a1', 1, 'cy', 'e1', 'm1', '2026-07-01', '2026-07-15', '2026-07-08', now()),
                       ('i2', 'a2', 1, 'cy', 'e2', 'm1', '2026-07-01', '2026-07-15', '2026-07-08', NULL),
                       ('i3', 'a3', 1, 'cy', 'e3', 'm2', '2026-07-10', '2026-07-30', '2026-07-17', NULL)
                """,
            ])
            let reply = try await h.call(.get, "/v1/reports/completion?department=Sales", as: "hr")
            #expect(reply.status == 200, "\(reply.text)")
            let sales = try #require(try reply.items.first)
            #expect(sales["department"] as? String == "Sales")
            let checkIns = sales["check_ins_on_cadence"] as? [String: Any]
            #expect(checkIns?["done"] as? Int == 2)
            #expect(checkIns?["due"] as? Int == 3)
            #expect(checkIns?["percent"] as? String == "66.7")
            #expect((sales["pairs_current"] as? [String: Any])?["done"] as? Int == 1)
            #expect((sales["interviews_held"] as? [String: Any])?["done"] as? Int == 1)
            #expect((sales["interviews_held"] as? [String: Any])?["due"] as? Int == 2)
            // Engineering's interview is not due yet and its check-in is older than 90 days.
            let all = try await h.call(.get, "/v1/reports/completion", as: "hr")
            let engineering = try all.items.first { $0["department"] as? String == "Engineering" }
            #expect((engineering?["interviews_held"] as? [String: Any])?["due"] as? Int == 0)
            #expect((engineering?["check_ins_on_cadence"] as? [String: Any])?["percent"] == nil)
            #expect(try await h.call(.get, "/v1/reports/completion", as: "m1").status == 403)
            #expect(try await h.call(.get, "/v1/reports/completion?from=2026-07-20&to=2026-07-01", as: "hr").problemFields == ["from"])
            #expect(try await h.call(.get, "/v1/reports/completion?from=July", as: "hr").problemFields == ["from"])
        }
    }
}
