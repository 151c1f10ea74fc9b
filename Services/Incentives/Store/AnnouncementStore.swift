import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// Writes the events of a bulk step — the run's `MeritRecommended` and `BonusRecommended`, an
/// approval's `RecommendationApproved` and `CompensationChangeApproved` — straight into the
/// outbox with one `INSERT … SELECT` each, so announcing 100,000 recommendations costs no round
/// trip per row and no JSON encoding in Swift.
///
/// The payloads are built with `jsonb_build_object` in the contracts' JSON: snake_case fields,
/// money as `{"amount": "<decimal text at the currency's minor unit>", "currency"}`, other
/// decimals as their shortest text, absent optionals left out; the headers are the CloudEvents
/// headers ``EventCodec`` writes, in its order. `AnnouncementTests` decodes every row written
/// here with the contracts' decoder and compares it with the event built in Swift from the same
/// record, so the two spellings cannot drift apart.
struct AnnouncementStore: Sendable {
    let schema: String
    /// `ce_source`, e.g. `/stride/incentives`.
    let source: String

    /// The event's headers as `EventCodec` writes them (`e.id` the event id, `r.employee_id` the subject).
    private func headers(type: String, time: String) -> String {
        """
        jsonb_build_array(jsonb_build_array('ce_specversion', '1.0'), jsonb_build_array('ce_id', e.id::text),
            jsonb_build_array('ce_source', \(Self.literal(source))), jsonb_build_array('ce_type', \(Self.literal(type))),
            jsonb_build_array('ce_time', \(Self.literal(time))), jsonb_build_array('ce_subject', r.employee_id),
            jsonb_build_array('content-type', 'application/json'))
        """
    }

    /// Money JSON for an amount column in the row's currency.
    private func money(_ column: String, currency: String = "r.currency") -> String {
        "jsonb_build_object('amount', round(\(column), \(schema).minor_digits(\(currency)))::text, 'currency', \(currency))"
    }

    /// `ce_time` as ``EventCodec`` writes it (RFC 3339, milliseconds, UTC).
    static func ceTime(_ time: Date) -> String {
        EventCodec.headers(for: EventMetadata(id: UUID(), source: "/", type: "-", time: time))
            .first { $0.name == EventHeader.timeName }?.value ?? ""
    }

    /// A SQL string literal (the texts quoted here are the service's own: source, type, time).
    private static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Every merit and bonus recommendation of a cycle (or only `ids`), announced.
    /// - Returns: how many events were written.
    func announceRecommendations(
        of cycle: CompCycle, only ids: [String]? = nil, topic: String, time: Date, on connection: PostgresConnection
    ) async throws -> Int {
        let stamp = Self.ceTime(time)
        let merit: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT e.id, \(topic), r.employee_id, \(MeritRecommended.eventType),
                \(unescaped: headers(type: MeritRecommended.eventType, time: stamp)),
                jsonb_build_object(
                    'recommendation_id', r.recommendation_id, 'employee_id', r.employee_id, 'cycle_id', r.comp_cycle_id,
                    'appraisal_id', r.appraisal_id, 'appraisal_version', r.appraisal_version,
                    'rating', jsonb_build_object('level', r.rating_level, 'label', r.rating_label, 'scale_max', r.scale_max),
                    'current_base_salary', \(unescaped: money("r.salary")),
                    'compa_ratio', trim_scale(CASE WHEN r.band_mid = 0 THEN 0 ELSE round(r.salary / r.band_mid, 4) END)::text,
                    'guideline_minimum_percent', trim_scale(coalesce(r.minimum_percent, 0))::text,
                    'guideline_maximum_percent', trim_scale(coalesce(r.maximum_percent, 0))::text,
                    'proration_factor', trim_scale(r.fit)::text, 'recommended_percent', trim_scale(coalesce(r.percent, 0))::text,
                    'increase_amount', \(unescaped: money("r.amount")),
                    'proposed_base_salary', \(unescaped: money("coalesce(r.new_salary, r.salary)")),
                    'budget_id', r.comp_cycle_id || '/' || r.department || '/' || r.currency,
                    'effective_date', \(cycle.effectiveDate.description)::text)::text
            FROM \(unescaped: schema).recommendations r CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) e
            WHERE r.comp_cycle_id = \(cycle.compCycleID) AND r.kind = 'merit'
              AND (\(ids)::text[] IS NULL OR r.recommendation_id = ANY(\(ids)::text[]))
            """
        let bonus: PostgresQuery = """
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT e.id, \(topic), r.employee_id, \(BonusRecommended.eventType),
                \(unescaped: headers(type: BonusRecommended.eventType, time: stamp)),
                jsonb_build_object(
                    'recommendation_id', r.recommendation_id, 'employee_id', r.employee_id, 'cycle_id', r.comp_cycle_id,
                    'appraisal_id', r.appraisal_id, 'plan_id', r.comp_cycle_id, 'eligible_salary', \(unescaped: money("r.salary")),
                    'target_percent', trim_scale(coalesce(r.target_percent, 0))::text,
                    'company_multiplier', trim_scale(\(cycle.plan.companyMultiplier)::numeric)::text,
                    'individual_multiplier', trim_scale(coalesce(r.individual_multiplier, 0))::text,
                    'proration_factor', trim_scale(round(r.proration * r.fit, \(unescaped: String(BudgetFit.places))))::text,
                    'amount', \(unescaped: money("r.amount")), 'payout_date', \(cycle.payoutDate.description)::text)::text
            FROM \(unescaped: schema).recommendations r CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) e
            WHERE r.comp_cycle_id = \(cycle.compCycleID) AND r.kind = 'bonus'
              AND (\(ids)::text[] IS NULL OR r.recommendation_id = ANY(\(ids)::text[]))
            """
        return try await connection.execute(merit) + (try await connection.execute(bonus))
    }
}
