import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for compensation cycles: the cycle row with its plan as JSON, and the plan's matrix,
/// targets, multipliers and budgets as rows the run joins (written from the same JSON, in the
/// same statement, so they cannot disagree).
struct CompCycleStore: Sendable {
    let schema: String

    func insert(_ cycleID: String, _ body: NewCompCycle, by actor: String, on connection: PostgresConnection) async throws -> CompCycle {
        let plan = PostgresJSON(body.plan)
        let rows = try await connection.query("""
            WITH cycle AS (
                INSERT INTO \(unescaped: schema).comp_cycles
                    (comp_cycle_id, name, appraisal_cycle_id, period_start, period_end, effective_date, payout_date, plan,
                     company_multiplier, default_merit_pool_percent, default_bonus_pool_percent, default_bonus_target_percent,
                     status, created_by)
                VALUES (\(cycleID), \(body.name), \(body.appraisalCycleID), \(body.periodStart.description)::date,
                        \(body.periodEnd.description)::date, \(body.effectiveDate.description)::date, \(body.payoutDate.description)::date,
                        \(plan), \(body.plan.companyMultiplier), \(body.plan.defaultMeritPoolPercent), \(body.plan.defaultBonusPoolPercent),
                        \(body.plan.defaultBonusTargetPercent), 'open', \(actor))
                RETURNING *),
            cells AS (
                INSERT INTO \(unescaped: schema).merit_cells
                SELECT \(cycleID), (c->>'rating_level')::int, c->>'zone', (c->>'minimum_percent')::numeric,
                       (c->>'guideline_percent')::numeric, (c->>'maximum_percent')::numeric
                FROM jsonb_array_elements(\(plan)::jsonb->'merit_matrix') c),
            targets AS (
                INSERT INTO \(unescaped: schema).bonus_targets
                SELECT \(cycleID), t->>'job_level', (t->>'target_percent')::numeric
                FROM jsonb_array_elements(\(plan)::jsonb->'bonus_targets') t),
            multipliers AS (
                INSERT INTO \(unescaped: schema).individual_multipliers
                SELECT \(cycleID), (m->>'rating_level')::int, (m->>'multiplier')::numeric
                FROM jsonb_array_elements(\(plan)::jsonb->'individual_multipliers') m),
            budgets AS (
                INSERT INTO \(unescaped: schema).department_budgets
                SELECT \(cycleID), b->>'department', (b->>'merit_pool_percent')::numeric, (b->>'bonus_pool_percent')::numeric
                FROM jsonb_array_elements(\(plan)::jsonb->'budgets') b)
            SELECT * FROM cycle
            """)
        guard let row = rows.first else { throw Problem.internal() }
        return try CompCycle(row: row)
    }

    /// A cycle's row; `forUpdate` locks it until the commit (opening, running, releasing), and
    /// `forShare` holds those off while leaving other share-lockers — approvals of other
    /// departments — free to go on side by side.
    func cycle(_ cycleID: String, forUpdate: Bool = false, forShare: Bool = false, on connection: PostgresConnection) async throws -> CompCycle? {
        let lock = forUpdate ? "FOR UPDATE" : forShare ? "FOR SHARE" : ""
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).comp_cycles WHERE comp_cycle_id = \(cycleID) \(unescaped: lock)
            """)
        return try rows.first.map(CompCycle.init(row:))
    }

    /// Locks a department's budgets (every currency) until the commit, so two approvals of one
    /// department take turns: the second then reads the first one's `approved_at`.
    func lockDepartment(_ cycleID: String, department: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            SELECT 1 FROM \(unescaped: schema).budget_fits WHERE comp_cycle_id = \(cycleID) AND department = \(department) FOR UPDATE
            """)
    }

    func cycles(after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [CompCycle] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).comp_cycles
            WHERE \(cursor)::text IS NULL OR comp_cycle_id > \(cursor)
            ORDER BY comp_cycle_id LIMIT \(limit)
            """)
        return try rows.map(CompCycle.init(row:))
    }

    /// The compensation cycles bound to an appraisal cycle that have run (corrections recompute in them).
    func runCycles(ofAppraisalCycle appraisalCycleID: String, on connection: PostgresConnection) async throws -> [CompCycle] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).comp_cycles
            WHERE appraisal_cycle_id = \(appraisalCycleID) AND status <> 'open' ORDER BY comp_cycle_id FOR UPDATE
            """)
        return try rows.map(CompCycle.init(row:))
    }

    func markRun(_ cycleID: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).comp_cycles SET status = 'run', runs = runs + 1, last_run_at = now()
            WHERE comp_cycle_id = \(cycleID)
            """)
    }

    func markReleased(_ cycleID: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).comp_cycles SET status = 'released', released_at = now() WHERE comp_cycle_id = \(cycleID)
            """)
    }
}

extension CompCycleStore {
    /// Each department's pools against its recommendations' spend, per currency; `department`
    /// narrows it to one.
    func budgets(of cycleID: String, department: String? = nil, on connection: PostgresConnection) async throws -> [DepartmentBudgetView] {
        let rows = try await connection.query("""
            SELECT f.*, coalesce(s.merit_spend, 0) AS merit_spend, coalesce(s.bonus_spend, 0) AS bonus_spend,
                   (SELECT count(*) FROM \(unescaped: schema).adjustments a
                    JOIN \(unescaped: schema).recommendations r ON r.recommendation_id = a.recommendation_id
                    WHERE a.status = 'pending' AND r.comp_cycle_id = f.comp_cycle_id AND r.department = f.department
                      AND r.currency = f.currency)::int AS pending_adjustments
            FROM \(unescaped: schema).budget_fits f
            -- Both kinds' spend in one pass over the department's recommendations.
            LEFT JOIN LATERAL (
                SELECT sum(r.amount + r.lump_sum) FILTER (WHERE r.kind = 'merit') AS merit_spend,
                       sum(r.amount) FILTER (WHERE r.kind = 'bonus') AS bonus_spend
                FROM \(unescaped: schema).recommendations r
                WHERE r.comp_cycle_id = f.comp_cycle_id AND r.department = f.department AND r.currency = f.currency) s ON true
            WHERE f.comp_cycle_id = \(cycleID) AND (\(department)::text IS NULL OR f.department = \(department))
            ORDER BY f.department, f.currency
            """)
        return try rows.map(DepartmentBudgetView.init(row:))
    }

    /// Marks a department's budgets (every currency) approved.
    func markApproved(_ cycleID: String, department: String, by actor: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).budget_fits SET approved_by = \(actor), approved_at = now()
            WHERE comp_cycle_id = \(cycleID) AND department = \(department)
            """)
    }

    /// Whether any department of the cycle is approved, and whether all are.
    func approvalState(of cycleID: String, on connection: PostgresConnection) async throws -> (any: Bool, all: Bool) {
        let rows = try await connection.query("""
            SELECT coalesce(bool_or(approved_at IS NOT NULL), false), coalesce(bool_and(approved_at IS NOT NULL), false)
            FROM \(unescaped: schema).budget_fits WHERE comp_cycle_id = \(cycleID)
            """)
        guard let row = rows.first else { return (false, false) }
        return (try row.decode(0, as: Bool.self), try row.decode(1, as: Bool.self))
    }
}
