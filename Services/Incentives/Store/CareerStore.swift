import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for promotions, development actions and consequence reviews. Each is unique per what
/// caused it (cycle and employee; cycle, employee, competency and action; plan or low-rating
/// cycle), so a re-run or a redelivered event recommends nothing twice.
struct CareerStore: Sendable {
    let schema: String

    /// Recommends promotions to everyone the run priced who meets `rule`. - Returns: the new ones.
    func recommendPromotions(_ cycle: CompCycle, rule: PromotionRule, on connection: PostgresConnection) async throws -> [PromotionRecord] {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).promotions
                (promotion_id, comp_cycle_id, employee_id, department, manager_id, appraisal_id, current_title, current_level,
                 proposed_level, currency, salary, increase_percent, high_ratings, potential, status)
            SELECT \(unescaped: schema).uuid_v7(), \(cycle.compCycleID), p.employee_id, p.department, p.manager_id, p.appraisal_id,
                   p.job_title, p.job_level, (\(rule.levelLadder)::text[])[array_position(\(rule.levelLadder)::text[], p.job_level) + 1],
                   p.currency, p.salary, \(rule.increasePercent), h.high, p.potential, 'proposed'
            FROM run_priced p
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE s.rating_level >= \(rule.minimumRatingLevel)) AS high
                FROM (SELECT x.rating_level FROM \(unescaped: schema).appraisal_results x
                      WHERE x.employee_id = p.employee_id AND x.first_finalized_at <= p.first_finalized_at
                      ORDER BY x.first_finalized_at DESC LIMIT \(rule.ofLastCycles)) s) h
            WHERE p.rating_level >= \(rule.minimumRatingLevel)
              AND (CASE p.potential WHEN 'high' THEN 3 WHEN 'moderate' THEN 2 ELSE 1 END) >= \(rule.minimumPotential.rank)
              AND h.high >= \(rule.requiredHighRatings)
              AND array_position(\(rule.levelLadder)::text[], p.job_level) < cardinality(\(rule.levelLadder)::text[])
            ON CONFLICT (comp_cycle_id, employee_id) DO NOTHING
            RETURNING *
            """)
        return try rows.map(PromotionRecord.init(row:))
    }

    /// Recommends the catalog's actions for every competency the manager rated below `expected`.
    func recommendDevelopment(
        _ cycle: CompCycle, catalog: [CompensationPlan.DevelopmentOffer], expected: Int, on connection: PostgresConnection
    ) async throws -> [DevelopmentActionRecord] {
        guard !catalog.isEmpty else { return [] }
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).development_actions
                (action_id, comp_cycle_id, employee_id, appraisal_id, competency_id, current_level, target_level, action_kind, title)
            SELECT \(unescaped: schema).uuid_v7(), \(cycle.compCycleID), p.employee_id, p.appraisal_id, l.competency_id, l.level,
                   \(expected), o.action_kind, o.title
            FROM run_priced p
            JOIN \(unescaped: schema).competency_levels l
                ON l.appraisal_cycle_id = \(cycle.appraisalCycleID) AND l.employee_id = p.employee_id AND l.level < \(expected)
            JOIN unnest(\(catalog.map(\.competencyID))::text[], \(catalog.map(\.actionKind.rawValue))::text[], \(catalog.map(\.title))::text[])
                AS o(competency_id, action_kind, title) ON o.competency_id = l.competency_id
            ON CONFLICT (comp_cycle_id, employee_id, competency_id, title) DO NOTHING
            RETURNING *
            """)
        return try rows.map(DevelopmentActionRecord.init(row:))
    }

    /// Asks HR to review everyone rated at or below `lowLevel` in this appraisal cycle and in
    /// their previous one.
    func requestLowRatingReviews(_ cycle: CompCycle, lowLevel: Int, on connection: PostgresConnection) async throws -> [ConsequenceReviewRecord] {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).consequence_reviews
                (review_id, employee_id, trigger, source_key, comp_cycle_id, low_rating_cycles, summary, status)
            SELECT \(unescaped: schema).uuid_v7(), p.employee_id, 'repeated_low_rating',
                   'low-rating/' || \(cycle.appraisalCycleID) || '/' || p.employee_id, \(cycle.compCycleID),
                   ARRAY[prev.appraisal_cycle_id, \(cycle.appraisalCycleID)::text],
                   'Rated ' || p.rating_label || ' (' || p.rating_level || ') in this cycle and ' || prev.rating_level || ' in the previous one.',
                   'open'
            FROM run_priced p
            CROSS JOIN LATERAL (
                SELECT x.appraisal_cycle_id, x.rating_level FROM \(unescaped: schema).appraisal_results x
                WHERE x.employee_id = p.employee_id AND x.appraisal_cycle_id <> \(cycle.appraisalCycleID)
                  AND x.first_finalized_at < p.first_finalized_at
                ORDER BY x.first_finalized_at DESC LIMIT 1) prev
            WHERE p.rating_level <= \(lowLevel) AND prev.rating_level <= \(lowLevel)
            ON CONFLICT (source_key) DO NOTHING
            RETURNING *
            """)
        return try rows.map(ConsequenceReviewRecord.init(row:))
    }

    /// Asks HR to review an employee whose improvement plan failed; `nil` when already asked.
    func requestPlanReview(_ reviewID: String, employeeID: String, planID: String, summary: String, on connection: PostgresConnection) async throws -> ConsequenceReviewRecord? {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).consequence_reviews (review_id, employee_id, trigger, source_key, plan_id, summary, status)
            VALUES (\(reviewID), \(employeeID), 'failed_improvement_plan', 'plan/' || \(planID), \(planID), \(summary), 'open')
            ON CONFLICT (source_key) DO NOTHING
            RETURNING *
            """)
        return try rows.first.map(ConsequenceReviewRecord.init(row:))
    }

    func promotion(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> PromotionRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).promotions WHERE promotion_id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(PromotionRecord.init(row:))
    }

    /// An employee's promotion recommendation in a cycle, if any.
    func promotion(of employeeID: String, in cycleID: String, on connection: PostgresConnection) async throws -> PromotionRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).promotions WHERE comp_cycle_id = \(cycleID) AND employee_id = \(employeeID)
            """)
        return try rows.first.map(PromotionRecord.init(row:))
    }

    func promotions(of cycleID: String, manager: String?, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [PromotionRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).promotions
            WHERE comp_cycle_id = \(cycleID) AND (\(cursor)::text IS NULL OR promotion_id > \(cursor))
              AND (\(manager)::text IS NULL OR employee_id IN (SELECT \(unescaped: schema).reporting_line(\(manager))))
            ORDER BY promotion_id LIMIT \(limit)
            """)
        return try rows.map(PromotionRecord.init(row:))
    }

    func decidePromotion(_ id: String, accepted: Bool, comment: String?, by actor: String, on connection: PostgresConnection) async throws -> PromotionRecord {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).promotions
            SET status = \(accepted ? "accepted" : "declined"), decided_by = \(actor), decided_at = now(), decision_comment = \(comment)
            WHERE promotion_id = \(id) RETURNING *
            """)
        guard let row = rows.first else { throw Problem.notFound("No promotion \(id).") }
        return try PromotionRecord(row: row)
    }

    func developmentActions(
        of cycleID: String, employeeID: String?, manager: String?, after cursor: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [DevelopmentActionRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).development_actions
            WHERE comp_cycle_id = \(cycleID) AND (\(cursor)::text IS NULL OR action_id > \(cursor))
              AND (\(employeeID)::text IS NULL OR employee_id = \(employeeID))
              AND (\(manager)::text IS NULL OR employee_id IN (SELECT \(unescaped: schema).reporting_line(\(manager))))
            ORDER BY action_id LIMIT \(limit)
            """)
        return try rows.map(DevelopmentActionRecord.init(row:))
    }

    func consequenceReview(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> ConsequenceReviewRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).consequence_reviews WHERE review_id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(ConsequenceReviewRecord.init(row:))
    }

    /// A page of consequence reviews, never those about `excluding` (nobody reviews themselves).
    func consequenceReviews(
        status: String?, excluding: String, after cursor: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [ConsequenceReviewRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).consequence_reviews
            WHERE (\(status)::text IS NULL OR status = \(status)) AND (\(cursor)::text IS NULL OR review_id > \(cursor))
              AND employee_id <> \(excluding)
            ORDER BY review_id LIMIT \(limit)
            """)
        return try rows.map(ConsequenceReviewRecord.init(row:))
    }

    func decideConsequenceReview(_ id: String, decision: String, by actor: String, on connection: PostgresConnection) async throws -> ConsequenceReviewRecord {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).consequence_reviews
            SET status = 'decided', decision = \(decision), decided_by = \(actor), decided_at = now()
            WHERE review_id = \(id) RETURNING *
            """)
        guard let row = rows.first else { throw Problem.notFound("No consequence review \(id).") }
        return try ConsequenceReviewRecord(row: row)
    }
}
