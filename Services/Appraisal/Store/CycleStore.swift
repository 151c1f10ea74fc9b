import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for cycles and the appraisals and review requests a cycle opens with. Opening is
/// set-based: one statement makes every appraisal of the population from the org directory, one
/// every review request (self, manager, upward), whatever the population's size.
struct CycleStore: Sendable {
    let schema: String

    /// Adds the cycle row (participants counted afterwards).
    func insert(
        _ cycleID: String, _ body: NewCycle, orgUnitID: String, template: TemplateRecord, disputeWindowDays: Int,
        by actor: String, on connection: PostgresConnection
    ) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).cycles
                (cycle_id, name, org_unit_id, period_id, template_id, template_version, population, schedule, phase,
                 dispute_window_days, participant_count, opened_by)
            VALUES (\(cycleID), \(body.name), \(orgUnitID), \(body.periodID), \(template.templateID), \(template.version),
                    \(PostgresJSON(body.population)), \(PostgresJSON(body.schedule)), \(CyclePhase.selfReview.rawValue),
                    \(disputeWindowDays), 0, \(actor))
            """)
    }

    /// Makes one appraisal per active employee the population rule includes. - Returns: how many.
    /// - Parameter employeeID: only this employee (a joiner, who may already have one), or
    ///   everyone the rule includes when the cycle opens. An opening cycle has no appraisals yet
    ///   and the directory holds each employee once, so that insert skips `ON CONFLICT`: its
    ///   speculative insertion cost a third of the statement.
    func addParticipants(
        of cycleID: String, _ rule: PopulationRule, only employeeID: String? = nil, on connection: PostgresConnection
    ) async throws -> Int {
        let rows = try await connection.query("""
            WITH added AS (
                INSERT INTO \(unescaped: schema).appraisals (appraisal_id, cycle_id, employee_id, manager_id, department, job_level)
                SELECT \(unescaped: schema).uuid_v7(), \(cycleID), e.employee_id, e.manager_id, e.department, e.job_level
                FROM \(unescaped: schema).org_employees e
                WHERE e.status = 'active' AND (\(employeeID)::text IS NULL OR e.employee_id = \(employeeID))
                  AND (cardinality(\(rule.departments)::text[]) = 0 OR e.department = ANY(\(rule.departments)::text[]))
                  AND (cardinality(\(rule.jobLevels)::text[]) = 0 OR e.job_level = ANY(\(rule.jobLevels)::text[]))
                  AND (\(rule.hiredOnOrBefore?.description)::date IS NULL OR e.hire_date <= \(rule.hiredOnOrBefore?.description)::date)
                \(unescaped: employeeID == nil ? "" : "ON CONFLICT (cycle_id, employee_id) DO NOTHING")
                RETURNING 1)
            SELECT count(*)::integer AS added FROM added
            """)
        let added: Int = try rows.first?.decode("added") ?? 0
        try await connection.execute("""
            UPDATE \(unescaped: schema).cycles
            SET participant_count = (SELECT count(*) FROM \(unescaped: schema).appraisals WHERE cycle_id = \(cycleID) AND status = 'active')
            WHERE cycle_id = \(cycleID)
            """)
        return added
    }

    /// `ReviewRequested`'s payload for the opening's rows (`r`, with the bound values as `p`).
    /// Ids this service made (`uuid_v7()`) and the group's name are quoted as they are; the
    /// employee, reviewer and actor ids, which come from outside, are escaped.
    private static let reviewRequestedPayload = SQLJSONObject([
        .init("review_id", .plainString("r.review_id")), .init("cycle_id", .plainString("p.cycle_id")),
        .init("employee_id", .string("r.employee_id")),
        .init("reviewer_id", .string("CASE WHEN r.rater_group = 'external' THEN 'external' ELSE r.reviewer_id END")),
        .init("rater_group", .plainString("r.rater_group")), .init("due_date", .plainString("to_char(r.due_on, 'YYYY-MM-DD')")),
        .init("actor_id", .string("p.actor_id")),
    ])

    /// Requests the reviews every appraisal of the cycle starts with, for the groups the template
    /// weighs: the self review, the manager's (an active manager in the directory), and an upward
    /// review from each active direct report. Each reviewer is asked once per appraisal, in that
    /// order of groups, even where a broken org chart makes someone their own manager or two
    /// people each other's: a manager who is the employee, and a report who is the employee or
    /// their manager, are left out. So an opening cycle, which has no reviews yet, inserts
    /// without `ON CONFLICT` (its speculative insertion cost a third of the statement); for a
    /// late joiner, who may have some already, existing requests are skipped.
    ///
    /// Each request is announced (``ReviewRequested``) by the same statement: the events are
    /// built in SQL (``OutboxSQL``, ``SQLJSONObject``), so 300,000 requests cost no row in Swift; the caller wakes
    /// the relay. `OpeningAnnouncementTests` proves each row is the event Swift would build.
    /// - Parameters:
    ///   - source: `ce_source` of the events (the outbox's).
    ///   - time: `ce_time` of the events.
    /// - Returns: how many requests were made.
    func requestOpeningReviews(
        of cycleID: String, groups: Set<RaterGroup>, dueOn: [RaterGroup: CalendarDate], only employeeID: String? = nil,
        by actor: String, source: String, time: Date, on connection: PostgresConnection
    ) async throws -> Int {
        func due(_ group: RaterGroup) -> String { (dueOn[group] ?? CalendarDate(utc: Date())).description }
        let rows = try await connection.query("""
            WITH wanted AS (
                SELECT a.appraisal_id, a.employee_id, a.employee_id AS reviewer_id, 'self' AS rater_group, \(due(.selfReview))::date AS due_on
                FROM \(unescaped: schema).appraisals a
                WHERE a.cycle_id = \(cycleID) AND a.status = 'active' AND \(groups.contains(.selfReview))
                  AND (\(employeeID)::text IS NULL OR a.employee_id = \(employeeID))
                UNION ALL
                SELECT a.appraisal_id, a.employee_id, m.employee_id, 'manager', \(due(.manager))::date
                FROM \(unescaped: schema).appraisals a
                JOIN \(unescaped: schema).org_employees m ON m.employee_id = a.manager_id AND m.status <> 'terminated'
                    AND m.employee_id <> a.employee_id
                WHERE a.cycle_id = \(cycleID) AND a.status = 'active' AND \(groups.contains(.manager))
                  AND (\(employeeID)::text IS NULL OR a.employee_id = \(employeeID))
                UNION ALL
                SELECT a.appraisal_id, a.employee_id, r.employee_id, 'direct_report', \(due(.directReport))::date
                FROM \(unescaped: schema).appraisals a
                JOIN \(unescaped: schema).org_employees r ON r.manager_id = a.employee_id AND r.status = 'active'
                    AND r.employee_id <> a.employee_id AND r.employee_id IS DISTINCT FROM a.manager_id
                WHERE a.cycle_id = \(cycleID) AND a.status = 'active' AND \(groups.contains(.directReport))
                  AND (\(employeeID)::text IS NULL OR a.employee_id = \(employeeID)))
            , made AS (
                INSERT INTO \(unescaped: schema).reviews
                    (review_id, appraisal_id, cycle_id, employee_id, reviewer_id, rater_group, status, due_on, requested_by)
                SELECT \(unescaped: schema).uuid_v7(), w.appraisal_id, \(cycleID), w.employee_id, w.reviewer_id, w.rater_group, 'requested',
                       w.due_on, \(actor)
                FROM wanted w
                \(unescaped: employeeID == nil ? "" : "ON CONFLICT DO NOTHING")
                RETURNING review_id, employee_id, reviewer_id, rater_group, due_on)
            , announced AS (
                INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                SELECT r.event_uuid, \(ReviewRequested.topic.rawValue), r.employee_id, \(ReviewRequested.eventType),
                    \(unescaped: OutboxSQL.headers(
                        source: source, type: ReviewRequested.eventType, ceTime: OutboxSQL.ceTime(time), id: "r.event_uuid",
                        subject: "r.employee_id")),
                    \(unescaped: Self.reviewRequestedPayload.sql)
                FROM (SELECT m.*, gen_random_uuid() AS event_uuid FROM made m) r
                CROSS JOIN (SELECT \(cycleID)::text AS cycle_id, \(actor)::text AS actor_id) p)
            SELECT count(*)::int FROM made
            """)
        return try rows.first?.decode(0, as: Int.self) ?? 0
    }

    func cycle(_ cycleID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> CycleRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).cycles WHERE cycle_id = \(cycleID) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(CycleRecord.init(row:))
    }

    /// Cycles, newest first (ids are time-ordered).
    func cycles(before cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [CycleRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).cycles
            WHERE \(cursor)::text IS NULL OR cycle_id < \(cursor)
            ORDER BY cycle_id DESC LIMIT \(limit)
            """)
        return try rows.map(CycleRecord.init(row:))
    }

    /// Moves the cycle to `phase`; sets the release or close day when it is that step.
    func setPhase(_ cycleID: String, to phase: CyclePhase, today: CalendarDate, on connection: PostgresConnection) async throws -> CycleRecord {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).cycles
            SET phase = \(phase.rawValue),
                released_on = CASE WHEN \(phase.rawValue) = 'feedback' THEN \(today.description)::date ELSE released_on END,
                closed_on = CASE WHEN \(phase.rawValue) = 'closed' THEN \(today.description)::date ELSE closed_on END
            WHERE cycle_id = \(cycleID)
            RETURNING *
            """)
        guard let row = rows.first else { throw Problem.notFound("No cycle \(cycleID).") }
        return try CycleRecord(row: row)
    }

    /// The cycles in one of `phases`.
    func cycles(in phases: [CyclePhase], on connection: PostgresConnection) async throws -> [CycleRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).cycles WHERE phase = ANY(\(phases.map(\.rawValue))::text[]) ORDER BY cycle_id
            """)
        return try rows.map(CycleRecord.init(row:))
    }

    /// Withdraws a leaver from the cycles in `phases`: their appraisals, and every review they
    /// were still to write or receive there. - Returns: the cycles whose participants changed.
    func withdraw(_ employeeID: String, from phases: [CyclePhase], on connection: PostgresConnection) async throws -> [String] {
        let open = phases.map(\.rawValue)
        try await connection.execute("""
            UPDATE \(unescaped: schema).reviews r SET status = 'withdrawn', updated_at = now()
            FROM \(unescaped: schema).cycles c
            WHERE c.cycle_id = r.cycle_id AND c.phase = ANY(\(open)::text[])
              AND (r.appraisal_id IN (SELECT appraisal_id FROM \(unescaped: schema).appraisals WHERE employee_id = \(employeeID))
                   OR r.reviewer_id = \(employeeID))
              AND r.status IN ('nominated', 'requested', 'draft')
            """)
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).appraisals a SET status = 'withdrawn', updated_at = now()
            FROM \(unescaped: schema).cycles c
            WHERE c.cycle_id = a.cycle_id AND c.phase = ANY(\(open)::text[]) AND a.employee_id = \(employeeID) AND a.status = 'active'
            RETURNING a.cycle_id
            """)
        let changed = try rows.map { try $0.decode("cycle_id", as: String.self) }
        // A statement of its own: a data-modifying CTE's siblings would still count the rows as active.
        try await connection.execute("""
            UPDATE \(unescaped: schema).cycles c
            SET participant_count = (SELECT count(*) FROM \(unescaped: schema).appraisals x WHERE x.cycle_id = c.cycle_id AND x.status = 'active')
            WHERE c.cycle_id = ANY(\(changed)::text[])
            """)
        return changed
    }
}
