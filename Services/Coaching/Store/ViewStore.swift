import Foundation
import StrideContracts
import StridePostgres

/// The read-only queries behind the views people need: an employee's timeline, a manager's
/// team board, HR's completion rates. Each reads through the per-table indexes the schema
/// defines for it, bounded by its page size.
struct ViewStore: Sendable {
    let schema: String

    /// One timeline page of records about `employeeID`, newest first, after `key`.
    /// - Parameters:
    ///   - audiences: the feedback audiences the caller may read (besides what they gave).
    ///   - viewerID: the caller, who always sees the feedback they gave.
    ///   - limit: rows to fetch (the page size plus one).
    func timeline(
        of employeeID: String, after key: TimelineKey?, audiences: [String], viewerID: String, limit: Int,
        on connection: PostgresConnection
    ) async throws -> [(entry: TimelineEntry, key: TimelineKey)] {
        let at = key?.at
        let id = key?.id
        // Each branch walks its own (employee, created_at DESC, id DESC) index from the cursor and
        // stops after `limit` rows; the outer query merges the branches.
        let rows = try await connection.query("""
            WITH cursor_at AS (SELECT \(at)::timestamptz AS at, \(id)::text AS id)
            SELECT kind, id, created_at, created_at::text AS at_text, detail::text AS detail FROM (
                (SELECT 'check_in' AS kind, check_in_id AS id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'held_on', held_on::text, 'confidence', confidence::text, 'goal_ids', array_to_string(goal_ids, ','),
                            'blockers', cardinality(blockers)::text, 'replied', (manager_reply IS NOT NULL)::text)) AS detail
                 FROM \(unescaped: schema).check_ins, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, check_in_id) < (c.at, c.id))
                 ORDER BY created_at DESC, check_in_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'one_on_one', meeting_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'manager_id', manager_id, 'scheduled_on', scheduled_on::text, 'status', status,
                            'held_on', held_on::text))
                 FROM \(unescaped: schema).one_on_ones, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, meeting_id) < (c.at, c.id))
                 ORDER BY created_at DESC, meeting_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'feedback', feedback_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'giver_id', giver_id, 'kind', kind, 'audience', audience, 'message', message, 'goal_id', goal_id,
                            'competency_id', competency_id))
                 FROM \(unescaped: schema).feedback, cursor_at c
                 WHERE recipient_id = \(employeeID) AND (audience = ANY(\(audiences)::text[]) OR giver_id = \(viewerID))
                   AND (c.at IS NULL OR (created_at, feedback_id) < (c.at, c.id))
                 ORDER BY created_at DESC, feedback_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'evidence', evidence_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'author_id', author_id, 'kind', kind, 'occurred_on', occurred_on::text, 'what_happened', what_happened,
                            'goal_ids', array_to_string(goal_ids, ',')))
                 FROM \(unescaped: schema).evidence, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, evidence_id) < (c.at, c.id))
                 ORDER BY created_at DESC, evidence_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'nudge', nudge_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'goal_id', goal_id, 'manager_id', manager_id, 'meeting_id', meeting_id,
                            'latency_ms', round(extract(epoch FROM created_at - at_risk_at) * 1000)::bigint::text,
                            'cleared_at', cleared_at::text))
                 FROM \(unescaped: schema).nudges, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, nudge_id) < (c.at, c.id))
                 ORDER BY created_at DESC, nudge_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'improvement_plan', plan_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'status', status, 'starts_on', starts_on::text, 'ends_on', ends_on::text, 'manager_id', manager_id))
                 FROM \(unescaped: schema).improvement_plans, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, plan_id) < (c.at, c.id))
                 ORDER BY created_at DESC, plan_id DESC LIMIT \(limit))
                UNION ALL
                (SELECT 'feedback_interview', interview_id, created_at,
                        jsonb_strip_nulls(jsonb_build_object(
                            'appraisal_id', appraisal_id, 'scheduled_on', scheduled_on::text, 'due_on', due_on::text,
                            'completed', (completed_at IS NOT NULL)::text))
                 FROM \(unescaped: schema).feedback_interviews, cursor_at c
                 WHERE employee_id = \(employeeID) AND (c.at IS NULL OR (created_at, interview_id) < (c.at, c.id))
                 ORDER BY created_at DESC, interview_id DESC LIMIT \(limit))
            ) AS records
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """)
        let decoder = JSONDecoder()
        return try rows.map { row in
            let kind = try row.decode("kind", as: String.self)
            let entry = TimelineEntry(
                kind: TimelineEntry.Kind(rawValue: kind) ?? .checkIn, recordID: try row.decode("id"),
                createdAt: try row.decode("created_at"),
                detail: try decoder.decode([String: String].self, from: Data(try row.decode("detail", as: String.self).utf8)))
            return (entry, TimelineKey(at: try row.decode("at_text"), id: entry.recordID))
        }
    }

    /// One page of the team board: `managerID`'s active direct reports after `afterID`, in id order.
    func teamBoard(
        of managerID: String, after afterID: String?, today: CalendarDate, graceDays: Int, limit: Int,
        on connection: PostgresConnection
    ) async throws -> [TeamBoardRow] {
        let rows = try await connection.query("""
            SELECT e.employee_id, e.name, c.cadence, c.next_due_on,
                   (SELECT count(*)::int FROM \(unescaped: schema).action_items a
                     WHERE a.employee_id = e.employee_id AND a.state = 'open') AS open_action_items,
                   (SELECT count(*)::int FROM \(unescaped: schema).action_items a
                     WHERE a.employee_id = e.employee_id AND a.state = 'open' AND a.due_on < \(today)) AS overdue_action_items,
                   (SELECT coalesce(array_agg(g.goal_id ORDER BY g.goal_id), '{}') FROM \(unescaped: schema).goals g
                     WHERE g.owner_id = e.employee_id AND g.at_risk
                       AND NOT EXISTS (SELECT 1 FROM \(unescaped: schema).one_on_ones o
                                       WHERE o.employee_id = g.owner_id AND o.status = 'completed'
                                         AND o.held_on >= (g.at_risk_since AT TIME ZONE 'UTC')::date)) AS at_risk_goals,
                   (SELECT count(*)::int FROM \(unescaped: schema).improvement_plans p
                     WHERE p.employee_id = e.employee_id AND p.status IN ('approved', 'in_progress')) AS plans_in_progress,
                   (SELECT min(i.due_on) FROM \(unescaped: schema).feedback_interviews i
                     WHERE i.employee_id = e.employee_id AND i.completed_at IS NULL) AS interview_due_on
            FROM \(unescaped: schema).org_employees e
            LEFT JOIN \(unescaped: schema).check_in_cadences c ON c.employee_id = e.employee_id
            WHERE e.manager_id = \(managerID) AND e.status <> 'terminated'
              AND (\(afterID)::text IS NULL OR e.employee_id > \(afterID))
            ORDER BY e.employee_id LIMIT \(limit)
            """)
        return try rows.map { row in
            let nextDue: CalendarDate? = try row.decode("next_due_on")
            let standing: TeamBoardRow.CheckInStanding
            if let nextDue {
                if today < nextDue {
                    standing = .notDue
                } else {
                    standing = nextDue.adding(days: graceDays) < today ? .overdue : .due
                }
            } else {
                standing = .notStarted
            }
            return TeamBoardRow(
                employeeID: try row.decode("employee_id"), name: try row.decode("name"),
                cadence: try row.decode("cadence", as: String?.self).flatMap(CheckInCadence.init(rawValue:)),
                nextCheckInDueOn: nextDue, checkIn: standing, openActionItems: try row.decode("open_action_items"),
                overdueActionItems: try row.decode("overdue_action_items"),
                atRiskGoalsWithoutOneOnOne: try row.decode("at_risk_goals"), plansInProgress: try row.decode("plans_in_progress"),
                interviewDueOn: try row.decode("interview_due_on"))
        }
    }

    /// Completion per department (all departments when `department` is nil), set-based.
    func completion(
        department: String?, from: CalendarDate, through: CalendarDate, today: CalendarDate, graceDays: Int,
        on connection: PostgresConnection
    ) async throws -> [CompletionReportRow] {
        let rows = try await connection.query("""
            WITH people AS (
                SELECT employee_id, department FROM \(unescaped: schema).org_employees
                WHERE (\(department)::text IS NULL OR department = \(department))
            ),
            check_ins AS (
                SELECT p.department, count(*) FILTER (WHERE ci.on_cadence)::int AS done, count(*)::int AS due
                FROM \(unescaped: schema).check_ins ci JOIN people p USING (employee_id)
                WHERE ci.held_on BETWEEN \(from) AND \(through)
                GROUP BY p.department
            ),
            pairs AS (
                SELECT p.department, count(*) FILTER (WHERE c.next_due_on + \(graceDays)::int >= \(today))::int AS done,
                       count(*)::int AS due
                FROM \(unescaped: schema).check_in_cadences c JOIN people p USING (employee_id)
                GROUP BY p.department
            ),
            interviews AS (
                SELECT p.department, count(*) FILTER (WHERE i.completed_at IS NOT NULL)::int AS done, count(*)::int AS due
                FROM \(unescaped: schema).feedback_interviews i JOIN people p USING (employee_id)
                WHERE i.completed_at IS NOT NULL OR i.due_on <= \(through)
                GROUP BY p.department
            )
            SELECT d.department,
                   coalesce(ci.done, 0) AS ci_done, coalesce(ci.due, 0) AS ci_due,
                   coalesce(pa.done, 0) AS pa_done, coalesce(pa.due, 0) AS pa_due,
                   coalesce(iv.done, 0) AS iv_done, coalesce(iv.due, 0) AS iv_due
            FROM (SELECT DISTINCT department FROM people) d
            LEFT JOIN check_ins ci USING (department)
            LEFT JOIN pairs pa USING (department)
            LEFT JOIN interviews iv USING (department)
            ORDER BY d.department
            """)
        return try rows.map { row in
            CompletionReportRow(
                department: try row.decode("department"),
                checkInsOnCadence: .init(CompletionRate(done: try row.decode("ci_done"), due: try row.decode("ci_due"))),
                pairsCurrent: .init(CompletionRate(done: try row.decode("pa_done"), due: try row.decode("pa_due"))),
                interviewsHeld: .init(CompletionRate(done: try row.decode("iv_done"), due: try row.decode("iv_due"))))
        }
    }
}
