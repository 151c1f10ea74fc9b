import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// Writes the events of a bulk step — the run's `MeritRecommended` and `BonusRecommended`, an
/// approval's `RecommendationApproved` and `CompensationChangeApproved` — straight into the
/// outbox with one `INSERT … SELECT` each, so announcing 100,000 recommendations costs no round
/// trip per row and no JSON encoding in Swift.
///
/// The payloads are built with `json_build_object` (text as written, cheaper than `jsonb`) in the contracts' JSON: snake_case fields,
/// money as `{"amount": "<decimal text at the currency's minor unit>", "currency"}`, other
/// decimals as their shortest text, absent optionals left out; the headers are the CloudEvents
/// headers ``EventCodec`` writes, in its order. `AnnouncementTests` decodes every row written
/// here with the contracts' decoder and compares it with the event built in Swift from the same
/// record, so the two spellings cannot drift apart. Each row's event id comes from
/// `gen_random_uuid()` in the select list of a subquery, evaluated once per row (a volatile call in
/// an uncorrelated `LATERAL` may be evaluated once for all rows).
struct AnnouncementStore: Sendable {
    let schema: String
    /// `ce_source`, e.g. `/stride/incentives`.
    let source: String

    /// The event's headers as `EventCodec` writes them (`r.event_uuid` the event id, `r.employee_id` the subject).
    private func headers(type: String, time: String) -> String {
        OutboxSQL.headers(source: source, type: type, ceTime: time, id: "r.event_uuid", subject: "r.employee_id")
    }

    /// Money JSON for an amount column in the row's currency.
    private func money(_ column: String, currency: String = "r.currency") -> String {
        "json_build_object('amount', round(\(column), \(schema).minor_digits(\(currency)))::text, 'currency', \(currency))"
    }

    /// `ce_time` as ``EventCodec`` writes it.
    static func ceTime(_ time: Date) -> String { OutboxSQL.ceTime(time) }

    /// Every merit and bonus recommendation of a cycle, announced.
    /// - Returns: how many events were written.
    func announceRecommendations(
        of cycle: CompCycle, topic: String, time: Date, on connection: PostgresConnection
    ) async throws -> Int {
        let stamp = Self.ceTime(time)
        let merit: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT r.event_uuid, \(topic), r.employee_id, \(MeritRecommended.eventType),
                \(unescaped: headers(type: MeritRecommended.eventType, time: stamp)),
                json_build_object(
                    'recommendation_id', r.recommendation_id, 'employee_id', r.employee_id, 'cycle_id', r.comp_cycle_id,
                    'appraisal_id', r.appraisal_id, 'appraisal_version', r.appraisal_version,
                    'rating', json_build_object('level', r.rating_level, 'label', r.rating_label, 'scale_max', r.scale_max),
                    'current_base_salary', \(unescaped: money("r.salary")),
                    'compa_ratio', trim_scale(CASE WHEN r.band_mid = 0 THEN 0 ELSE round(r.salary / r.band_mid, 4) END)::text,
                    'guideline_minimum_percent', trim_scale(coalesce(r.minimum_percent, 0))::text,
                    'guideline_maximum_percent', trim_scale(coalesce(r.maximum_percent, 0))::text,
                    'proration_factor', trim_scale(r.fit)::text, 'recommended_percent', trim_scale(coalesce(r.percent, 0))::text,
                    'increase_amount', \(unescaped: money("r.amount")),
                    'proposed_base_salary', \(unescaped: money("coalesce(r.new_salary, r.salary)")),
                    'budget_id', r.comp_cycle_id || '/' || r.department || '/' || r.currency,
                    'effective_date', \(cycle.effectiveDate.description)::text)::text
            FROM (SELECT x.*, gen_random_uuid() AS event_uuid FROM \(unescaped: schema).recommendations x
                  WHERE x.comp_cycle_id = \(cycle.compCycleID) AND x.kind = 'merit') r
            """
        let bonus: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT r.event_uuid, \(topic), r.employee_id, \(BonusRecommended.eventType),
                \(unescaped: headers(type: BonusRecommended.eventType, time: stamp)),
                json_build_object(
                    'recommendation_id', r.recommendation_id, 'employee_id', r.employee_id, 'cycle_id', r.comp_cycle_id,
                    'appraisal_id', r.appraisal_id, 'plan_id', r.comp_cycle_id, 'eligible_salary', \(unescaped: money("r.salary")),
                    'target_percent', trim_scale(coalesce(r.target_percent, 0))::text,
                    'company_multiplier', trim_scale(\(cycle.plan.companyMultiplier)::numeric)::text,
                    'individual_multiplier', trim_scale(coalesce(r.individual_multiplier, 0))::text,
                    'proration_factor', trim_scale(round(r.proration * r.fit, \(unescaped: String(BudgetFit.places))))::text,
                    'amount', \(unescaped: money("r.amount")), 'payout_date', \(cycle.payoutDate.description)::text)::text
            FROM (SELECT x.*, gen_random_uuid() AS event_uuid FROM \(unescaped: schema).recommendations x
                  WHERE x.comp_cycle_id = \(cycle.compCycleID) AND x.kind = 'bonus') r
            """
        return try await connection.execute(merit) + (try await connection.execute(bonus))
    }

    /// What approving a department wrote.
    struct Approval: Sendable {
        var recommendations: Int
        var changes: Int
    }

    /// Approves a department's proposed recommendations and makes one compensation change per
    /// payment (``CompensationChangeStore/makeChanges(for:cycle:by:on:)`` spells the same rows for
    /// one recommendation), announcing both — one statement for the whole department.
    func approveDepartment(
        _ cycle: CompCycle, department: String, actor: String, comment: String?, incentivesTopic: String, payrollTopic: String,
        time: Date, on connection: PostgresConnection
    ) async throws -> Approval {
        let stamp = Self.ceTime(time)
        let rows = try await connection.query("""
            WITH approved AS (
                UPDATE \(unescaped: schema).recommendations
                SET status = 'approved', approved_by = \(actor), approved_at = now(), updated_at = now()
                WHERE comp_cycle_id = \(cycle.compCycleID) AND department = \(department) AND status = 'proposed'
                RETURNING *),
            made AS (
                INSERT INTO \(unescaped: schema).compensation_changes
                    (change_id, recommendation_id, comp_cycle_id, employee_id, kind, sequence, amount, currency, previous_salary,
                     new_salary, effective_date, approved_by)
                SELECT \(unescaped: schema).change_id(a.comp_cycle_id, a.employee_id, k.kind, n.sequence), a.recommendation_id,
                       a.comp_cycle_id, a.employee_id, k.kind, n.sequence, k.amount, a.currency, k.previous_salary, k.new_salary, k.day,
                       \(actor)
                FROM approved a
                CROSS JOIN LATERAL (VALUES
                    ('merit', a.amount, a.salary, a.new_salary, \(cycle.effectiveDate.description)::date),
                    ('lump_sum', a.lump_sum, NULL::numeric, NULL::numeric, \(cycle.effectiveDate.description)::date),
                    ('bonus', a.amount, NULL::numeric, NULL::numeric, \(cycle.payoutDate.description)::date)
                ) AS k(kind, amount, previous_salary, new_salary, day)
                CROSS JOIN LATERAL (
                    SELECT coalesce(max(c.sequence), 0) + 1 AS sequence FROM \(unescaped: schema).compensation_changes c
                    WHERE c.comp_cycle_id = a.comp_cycle_id AND c.employee_id = a.employee_id AND c.kind = k.kind) n
                WHERE k.amount > 0
                  AND ((a.kind = 'merit' AND k.kind IN ('merit', 'lump_sum')) OR (a.kind = 'bonus' AND k.kind = 'bonus'))
                ON CONFLICT DO NOTHING
                RETURNING *),
            main AS (
                SELECT DISTINCT ON (recommendation_id) recommendation_id, change_id FROM made
                ORDER BY recommendation_id, (kind IN ('merit', 'bonus')) DESC),
            change_events AS (
                INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                SELECT r.event_uuid, \(payrollTopic), r.employee_id, \(CompensationChangeApproved.eventType),
                    \(unescaped: headers(type: CompensationChangeApproved.eventType, time: stamp)),
                    json_strip_nulls(json_build_object(
                        'change_id', r.change_id, 'employee_id', r.employee_id, 'kind', r.kind,
                        'amount', \(unescaped: money("r.amount")),
                        'previous_base_salary', CASE WHEN r.previous_salary IS NULL THEN NULL ELSE \(unescaped: money("r.previous_salary")) END,
                        'new_base_salary', CASE WHEN r.new_salary IS NULL THEN NULL ELSE \(unescaped: money("r.new_salary")) END,
                        'effective_date', r.effective_date::text, 'cycle_id', r.comp_cycle_id, 'recommendation_id', r.recommendation_id,
                        'actor_id', r.approved_by, 'new_job_level', r.new_job_level))::text
                FROM (SELECT x.*, gen_random_uuid() AS event_uuid FROM made x) r),
            recommendation_events AS (
                INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                SELECT r.event_uuid, \(incentivesTopic), r.employee_id, \(RecommendationApproved.eventType),
                    \(unescaped: headers(type: RecommendationApproved.eventType, time: stamp)),
                    json_strip_nulls(json_build_object(
                        'recommendation_id', r.recommendation_id, 'employee_id', r.employee_id, 'cycle_id', r.comp_cycle_id,
                        'recommendation_kind', r.kind, 'actor_id', r.approved_by, 'version', r.version,
                        'amount', \(unescaped: money("r.amount + r.lump_sum")),
                        'percent', trim_scale(r.percent)::text,
                        'effective_date', CASE WHEN r.kind = 'bonus' THEN \(cycle.payoutDate.description)::text
                                               ELSE \(cycle.effectiveDate.description)::text END,
                        'compensation_change_id', m.change_id, 'comment', \(comment)::text))::text
                FROM (SELECT x.*, gen_random_uuid() AS event_uuid FROM approved x) r
                LEFT JOIN main m ON m.recommendation_id = r.recommendation_id)
            SELECT (SELECT count(*) FROM approved)::int, (SELECT count(*) FROM made)::int
            """)
        try await connection.execute("SELECT pg_notify(\(schema + "_outbox"), '')")
        guard let row = rows.first else { throw Problem.internal() }
        return Approval(recommendations: try row.decode(0, as: Int.self), changes: try row.decode(1, as: Int.self))
    }
}
