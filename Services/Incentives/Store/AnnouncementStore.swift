import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// Writes the events of a bulk step — the run's `MeritRecommended` and `BonusRecommended`, an
/// approval's `RecommendationApproved` and `CompensationChangeApproved` — straight into the
/// outbox with one `INSERT … SELECT` each, so announcing 100,000 recommendations costs no round
/// trip per row and no JSON encoding in Swift.
///
/// The payloads are built by ``SQLJSONObject`` (concatenated text, half the cost of
/// `json_build_object`) in the contracts' JSON: snake_case fields, money as
/// `{"amount":"<decimal text at the currency's minor unit>","currency"}`, other decimals as their
/// shortest text, absent optionals left out; the headers are the CloudEvents headers
/// ``EventCodec`` writes, in its order (``OutboxSQL``). `AnnouncementTests` decodes every row
/// written here with the contracts' decoder and compares it with the event built in Swift from
/// the same record, so the two spellings cannot drift apart. Values the service binds (dates,
/// the company multiplier, HR's comment) are selected once as `p` and concatenated from there.
/// Each row's event id comes from `gen_random_uuid()` in the select list of a subquery,
/// evaluated once per row (a volatile call in an uncorrelated `LATERAL` may be evaluated once
/// for all rows).
struct AnnouncementStore: Sendable {
    let schema: String
    /// `ce_source`, e.g. `/stride/incentives`.
    let source: String

    /// The event's headers as `EventCodec` writes them (`r.event_uuid` the event id, `r.employee_id` the subject).
    private func headers(type: String, time: String) -> String {
        OutboxSQL.headers(source: source, type: type, ceTime: time, id: "r.event_uuid", subject: "r.employee_id")
    }

    /// Money JSON for an amount column in the row's currency, rounded to the currency's minor
    /// unit: `r.minor_digits`, which each statement's row subquery selects once per row
    /// (``minorDigits``) instead of once per amount (an event has up to four).
    private func money(_ column: String) -> SQLJSONObject.Value {
        .json(SQLJSONObject([
            .init("amount", .plainString("round(\(column), r.minor_digits)::text")),
            .init("currency", .string("r.currency")),
        ]).sql)
    }

    /// The select-list entry that gives a row subquery (alias `x`) its `minor_digits`.
    private var minorDigits: String { "\(schema).minor_digits(x.currency) AS minor_digits" }

    /// A decimal column as its shortest text.
    private func decimal(_ expression: String) -> SQLJSONObject.Value { .plainString("trim_scale(\(expression))::text") }

    /// `ce_time` as ``EventCodec`` writes it.
    static func ceTime(_ time: Date) -> String { OutboxSQL.ceTime(time) }

    /// Every merit and bonus recommendation of a cycle, announced.
    /// - Returns: how many events were written.
    func announceRecommendations(
        of cycle: CompCycle, topic: String, time: Date, on connection: PostgresConnection
    ) async throws -> Int {
        let stamp = Self.ceTime(time)
        let meritPayload = SQLJSONObject([
            .init("recommendation_id", .string("r.recommendation_id")), .init("employee_id", .string("r.employee_id")),
            .init("cycle_id", .string("r.comp_cycle_id")), .init("appraisal_id", .string("r.appraisal_id")),
            .init("appraisal_version", .number("r.appraisal_version")),
            .init("rating", .json(SQLJSONObject([
                .init("level", .number("r.rating_level")), .init("label", .string("r.rating_label")),
                .init("scale_max", .number("r.scale_max")),
            ]).sql)),
            .init("current_base_salary", money("r.salary")),
            .init("compa_ratio", decimal("CASE WHEN r.band_mid = 0 THEN 0 ELSE round(r.salary / r.band_mid, 4) END")),
            .init("guideline_minimum_percent", decimal("coalesce(r.minimum_percent, 0)")),
            .init("guideline_maximum_percent", decimal("coalesce(r.maximum_percent, 0)")),
            .init("proration_factor", decimal("r.fit")), .init("recommended_percent", decimal("coalesce(r.percent, 0)")),
            .init("increase_amount", money("r.amount")),
            .init("proposed_base_salary", money("coalesce(r.new_salary, r.salary)")),
            .init("budget_id", .string("r.comp_cycle_id || '/' || r.department || '/' || r.currency")),
            .init("effective_date", .plainString("p.effective_date")),
        ])
        let merit: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT r.event_uuid, \(topic), r.employee_id, \(MeritRecommended.eventType),
                \(unescaped: headers(type: MeritRecommended.eventType, time: stamp)), \(unescaped: meritPayload.sql)
            FROM (SELECT x.*, gen_random_uuid() AS event_uuid, \(unescaped: minorDigits) FROM \(unescaped: schema).recommendations x
                  WHERE x.comp_cycle_id = \(cycle.compCycleID) AND x.kind = 'merit') r
            CROSS JOIN (SELECT \(cycle.effectiveDate.description)::text AS effective_date) p
            """
        let bonusPayload = SQLJSONObject([
            .init("recommendation_id", .string("r.recommendation_id")), .init("employee_id", .string("r.employee_id")),
            .init("cycle_id", .string("r.comp_cycle_id")), .init("appraisal_id", .string("r.appraisal_id")),
            .init("plan_id", .string("r.comp_cycle_id")), .init("eligible_salary", money("r.salary")),
            .init("target_percent", decimal("coalesce(r.target_percent, 0)")),
            .init("company_multiplier", .plainString("p.company_multiplier")),
            .init("individual_multiplier", decimal("coalesce(r.individual_multiplier, 0)")),
            .init("proration_factor", decimal("round(r.proration * r.fit, \(BudgetFit.places))")),
            .init("amount", money("r.amount")), .init("payout_date", .plainString("p.payout_date")),
        ])
        let bonus: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT r.event_uuid, \(topic), r.employee_id, \(BonusRecommended.eventType),
                \(unescaped: headers(type: BonusRecommended.eventType, time: stamp)), \(unescaped: bonusPayload.sql)
            FROM (SELECT x.*, gen_random_uuid() AS event_uuid, \(unescaped: minorDigits) FROM \(unescaped: schema).recommendations x
                  WHERE x.comp_cycle_id = \(cycle.compCycleID) AND x.kind = 'bonus') r
            CROSS JOIN (SELECT trim_scale(\(cycle.plan.companyMultiplier)::numeric)::text AS company_multiplier,
                               \(cycle.payoutDate.description)::text AS payout_date) p
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
        let changePayload = SQLJSONObject([
            .init("change_id", .string("r.change_id")), .init("employee_id", .string("r.employee_id")), .init("kind", .string("r.kind")),
            .init("amount", money("r.amount")),
            .init("previous_base_salary", .json("CASE WHEN r.previous_salary IS NULL THEN NULL ELSE \(money("r.previous_salary").sql) END"),
                  optional: true),
            .init("new_base_salary", .json("CASE WHEN r.new_salary IS NULL THEN NULL ELSE \(money("r.new_salary").sql) END"), optional: true),
            .init("effective_date", .plainString("r.effective_date::text")), .init("cycle_id", .string("r.comp_cycle_id")),
            .init("recommendation_id", .string("r.recommendation_id")), .init("actor_id", .string("r.approved_by")),
            .init("new_job_level", .string("r.new_job_level"), optional: true),
        ])
        let recommendationPayload = SQLJSONObject([
            .init("recommendation_id", .string("r.recommendation_id")), .init("employee_id", .string("r.employee_id")),
            .init("cycle_id", .string("r.comp_cycle_id")), .init("recommendation_kind", .string("r.kind")),
            .init("actor_id", .string("r.approved_by")), .init("version", .number("r.version")),
            .init("amount", money("r.amount + r.lump_sum")), .init("percent", decimal("r.percent"), optional: true),
            .init("effective_date", .plainString("CASE WHEN r.kind = 'bonus' THEN p.payout_date ELSE p.effective_date END")),
            .init("compensation_change_id", .string("m.change_id"), optional: true), .init("comment", .string("p.comment"), optional: true),
        ])
        let rows = try await connection.query("""
            WITH p AS MATERIALIZED (
                SELECT \(cycle.effectiveDate.description)::text AS effective_date, \(cycle.payoutDate.description)::text AS payout_date,
                       \(comment)::text AS comment),
            approved AS (
                UPDATE \(unescaped: schema).recommendations
                SET status = 'approved', approved_by = \(actor), approved_at = now(), updated_at = now()
                WHERE comp_cycle_id = \(cycle.compCycleID) AND department = \(department) AND status = 'proposed'
                -- What the changes and events read, not the whole row: the CTE is kept in memory
                -- (work_mem) and read three times, where the whole rows of a large department spilled
                -- to a temporary file.
                RETURNING recommendation_id, comp_cycle_id, employee_id, kind, currency, salary, amount, lump_sum, new_salary,
                          percent, version, approved_by),
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
                    \(unescaped: changePayload.sql)
                FROM (SELECT x.*, gen_random_uuid() AS event_uuid, \(unescaped: minorDigits) FROM made x) r),
            recommendation_events AS (
                INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                SELECT r.event_uuid, \(incentivesTopic), r.employee_id, \(RecommendationApproved.eventType),
                    \(unescaped: headers(type: RecommendationApproved.eventType, time: stamp)),
                    \(unescaped: recommendationPayload.sql)
                FROM (SELECT x.*, gen_random_uuid() AS event_uuid, \(unescaped: minorDigits) FROM approved x) r CROSS JOIN p
                LEFT JOIN main m ON m.recommendation_id = r.recommendation_id)
            SELECT (SELECT count(*) FROM approved)::int, (SELECT count(*) FROM made)::int
            """)
        try await connection.execute("SELECT pg_notify(\(schema + "_outbox"), '')")
        guard let row = rows.first else { throw Problem.internal() }
        return Approval(recommendations: try row.decode(0, as: Int.self), changes: try row.decode(1, as: Int.self))
    }
}
