import StridePostgres
import StrideRuntime

/// The `incentives` schema, on top of the runtime's tables (outbox, inbox, org directory,
/// idempotency keys, audit trail). Versions start at 100 so the runtime's own stay below.
///
/// Upstream facts (appraisal results, the manager's competency ratings, failed improvement plans)
/// are projected from their topics; a compensation cycle holds its plan both as JSON (what HR
/// sent) and as rows the set-based run joins; recommendations are one row per employee and kind;
/// compensation changes are what payroll receives — written once, keyed by a deterministic id,
/// never edited: a correction is a reversal of the row plus a new row.
public enum IncentivesMigrations {
    /// Every migration, in order.
    public static let all: [PostgresMigration] = [inputs, cycles, recommendations, payroll, careers, audited, lighterWrites, auditSkippedDuringBulk, unreadChangeIndex]

    /// What incentives reads from other services: each employee's latest appraisal per appraisal
    /// cycle, the manager review's competency levels, failed improvement plans.
    static let inputs = PostgresMigration(version: 100, name: "inputs", sql: """
        CREATE TABLE appraisal_results (
            appraisal_cycle_id text NOT NULL,
            employee_id        text NOT NULL,
            appraisal_id       text NOT NULL,
            version            integer NOT NULL,
            rating_level       integer NOT NULL,
            rating_label       text NOT NULL,
            scale_max          integer NOT NULL,
            potential          text NOT NULL,
            final_score        numeric NOT NULL,
            first_finalized_at timestamptz NOT NULL DEFAULT now(),
            updated_at         timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (appraisal_cycle_id, employee_id)
        );
        CREATE INDEX appraisal_results_employee ON appraisal_results (employee_id, first_finalized_at DESC);
        CREATE TABLE competency_levels (
            appraisal_cycle_id text NOT NULL,
            employee_id        text NOT NULL,
            competency_id      text NOT NULL,
            level              integer NOT NULL,
            PRIMARY KEY (appraisal_cycle_id, employee_id, competency_id)
        );
        CREATE TABLE failed_plans (
            plan_id     text PRIMARY KEY,
            employee_id text NOT NULL,
            closed_on   date NOT NULL,
            reason      text NOT NULL
        );
        -- The minor-unit digits of a currency (ISO 4217), as Money.minorUnitDigits says.
        CREATE FUNCTION minor_digits(currency text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE
                WHEN currency IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') THEN 0
                WHEN currency IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND') THEN 3
                WHEN currency IN ('CLF','UYW') THEN 4
                ELSE 2 END
        $$;
        """)

    /// Compensation cycles and their plans: the JSON HR sent, and the matrix, targets,
    /// multipliers and budgets as rows for the run. `status`: `open` (no run yet), `run`
    /// (recommendations exist), `released` (employees see their letters).
    static let cycles = PostgresMigration(version: 101, name: "cycles", sql: """
        CREATE TABLE comp_cycles (
            comp_cycle_id      text PRIMARY KEY,
            name               text NOT NULL,
            appraisal_cycle_id text NOT NULL,
            period_start       date NOT NULL,
            period_end         date NOT NULL,
            effective_date     date NOT NULL,
            payout_date        date NOT NULL,
            plan               jsonb NOT NULL,
            company_multiplier numeric NOT NULL,
            default_merit_pool_percent numeric NOT NULL,
            default_bonus_pool_percent numeric NOT NULL,
            default_bonus_target_percent numeric NOT NULL,
            status             text NOT NULL,
            runs               integer NOT NULL DEFAULT 0,
            last_run_at        timestamptz,
            released_at        timestamptz,
            created_by         text NOT NULL,
            created_at         timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX comp_cycles_appraisal ON comp_cycles (appraisal_cycle_id);
        CREATE TABLE merit_cells (
            comp_cycle_id     text NOT NULL REFERENCES comp_cycles,
            rating_level      integer NOT NULL,
            zone              text NOT NULL,
            minimum_percent   numeric NOT NULL,
            guideline_percent numeric NOT NULL,
            maximum_percent   numeric NOT NULL,
            PRIMARY KEY (comp_cycle_id, rating_level, zone)
        );
        CREATE TABLE bonus_targets (
            comp_cycle_id  text NOT NULL REFERENCES comp_cycles,
            job_level      text NOT NULL,
            target_percent numeric NOT NULL,
            PRIMARY KEY (comp_cycle_id, job_level)
        );
        CREATE TABLE individual_multipliers (
            comp_cycle_id text NOT NULL REFERENCES comp_cycles,
            rating_level  integer NOT NULL,
            multiplier    numeric NOT NULL,
            PRIMARY KEY (comp_cycle_id, rating_level)
        );
        CREATE TABLE department_budgets (
            comp_cycle_id      text NOT NULL REFERENCES comp_cycles,
            department         text NOT NULL,
            merit_pool_percent numeric NOT NULL,
            bonus_pool_percent numeric NOT NULL,
            PRIMARY KEY (comp_cycle_id, department)
        );
        -- What the last run found per department and currency: the pools and the fit factors.
        CREATE TABLE budget_fits (
            comp_cycle_id    text NOT NULL REFERENCES comp_cycles,
            department       text NOT NULL,
            currency         char(3) NOT NULL,
            headcount        integer NOT NULL,
            base_payroll     numeric NOT NULL,
            merit_pool       numeric NOT NULL,
            merit_minimum_cost   numeric NOT NULL,
            merit_guideline_cost numeric NOT NULL,
            merit_fit        numeric NOT NULL,
            merit_short      boolean NOT NULL,
            bonus_pool       numeric NOT NULL,
            bonus_plan_cost  numeric NOT NULL,
            bonus_fit        numeric NOT NULL,
            approved_by      text,
            approved_at      timestamptz,
            PRIMARY KEY (comp_cycle_id, department, currency)
        );
        """)

    /// Merit and bonus recommendations (one row per employee and kind) and the adjustments
    /// managers make to them. `status`: `proposed`, `approved`.
    static let recommendations = PostgresMigration(version: 102, name: "recommendations", sql: """
        CREATE TABLE recommendations (
            recommendation_id text PRIMARY KEY,
            comp_cycle_id     text NOT NULL REFERENCES comp_cycles,
            employee_id       text NOT NULL,
            kind              text NOT NULL CHECK (kind IN ('merit', 'bonus')),
            department        text NOT NULL,
            manager_id        text,
            job_level         text NOT NULL,
            currency          char(3) NOT NULL,
            appraisal_id      text NOT NULL,
            appraisal_version integer NOT NULL,
            rating_level      integer NOT NULL,
            rating_label      text NOT NULL,
            scale_max         integer NOT NULL,
            salary            numeric NOT NULL,
            band_min          numeric NOT NULL,
            band_mid          numeric NOT NULL,
            band_max          numeric NOT NULL,
            proration         numeric NOT NULL,
            zone              text,
            minimum_percent   numeric,
            guideline_percent numeric,
            maximum_percent   numeric,
            target_percent    numeric,
            individual_multiplier numeric,
            plan_amount       numeric,
            fit               numeric NOT NULL,
            percent           numeric,
            amount            numeric NOT NULL,
            lump_sum          numeric NOT NULL DEFAULT 0,
            new_salary        numeric,
            within_guidelines boolean NOT NULL DEFAULT true,
            status            text NOT NULL,
            version           integer NOT NULL DEFAULT 1,
            approved_by       text,
            approved_at       timestamptz,
            updated_at        timestamptz NOT NULL DEFAULT now(),
            UNIQUE (comp_cycle_id, employee_id, kind)
        );
        CREATE INDEX recommendations_department ON recommendations (comp_cycle_id, department, currency);
        CREATE TABLE adjustments (
            adjustment_id     text PRIMARY KEY,
            recommendation_id text NOT NULL REFERENCES recommendations,
            actor_id          text NOT NULL,
            previous_percent  numeric,
            percent           numeric,
            previous_amount   numeric NOT NULL,
            amount            numeric NOT NULL,
            lump_sum          numeric NOT NULL DEFAULT 0,
            new_salary        numeric,
            within_guidelines boolean NOT NULL,
            reason            text NOT NULL,
            justification     text,
            status            text NOT NULL CHECK (status IN ('applied', 'pending', 'rejected')),
            decided_by        text,
            decided_at        timestamptz,
            decision_comment  text,
            created_at        timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX adjustments_one_pending ON adjustments (recommendation_id) WHERE status = 'pending';
        """)

    /// What payroll receives. `change_id` is deterministic (the cycle, employee, kind and the
    /// change's sequence for them), so approving twice cannot make two changes; a reversal fills
    /// the `reversal_*` columns once and never deletes the row.
    static let payroll = PostgresMigration(version: 103, name: "payroll", sql: """
        CREATE TABLE compensation_changes (
            change_id         text PRIMARY KEY,
            recommendation_id text NOT NULL,
            comp_cycle_id     text NOT NULL REFERENCES comp_cycles,
            employee_id       text NOT NULL,
            kind              text NOT NULL,
            sequence          integer NOT NULL,
            amount            numeric NOT NULL,
            currency          char(3) NOT NULL,
            previous_salary   numeric,
            new_salary        numeric,
            new_job_level     text,
            effective_date    date NOT NULL,
            approved_by       text NOT NULL,
            approved_at       timestamptz NOT NULL DEFAULT now(),
            reversal_id       text UNIQUE,
            reversed_by       text,
            reversed_at       timestamptz,
            reversal_reason   text,
            UNIQUE (comp_cycle_id, employee_id, kind, sequence)
        );
        CREATE INDEX compensation_changes_employee ON compensation_changes (employee_id);
        CREATE INDEX compensation_changes_recommendation ON compensation_changes (recommendation_id);
        -- A change's id: a UUID made from the SHA-256 of what it is (cycle, employee, kind, the
        -- change's sequence for them), so an approval retried after a crash makes the same id.
        CREATE FUNCTION change_id(cycle text, employee text, kind text, sequence integer) RETURNS text
            LANGUAGE sql IMMUTABLE AS $$
            SELECT substr(encode(sha256(convert_to('stride.payroll/' || cycle || '/' || employee || '/' || kind || '/' || sequence, 'UTF8')), 'hex'), 1, 32)::uuid::text
        $$;
        """)

    /// Promotions, development actions and consequence reviews: recommendations for people to
    /// decide on, never actions taken on their own.
    static let careers = PostgresMigration(version: 104, name: "careers", sql: """
        CREATE TABLE promotions (
            promotion_id      text PRIMARY KEY,
            comp_cycle_id     text NOT NULL REFERENCES comp_cycles,
            employee_id       text NOT NULL,
            department        text NOT NULL,
            manager_id        text,
            appraisal_id      text NOT NULL,
            current_title     text NOT NULL,
            current_level     text NOT NULL,
            proposed_level    text NOT NULL,
            currency          char(3) NOT NULL,
            salary            numeric NOT NULL,
            increase_percent  numeric NOT NULL,
            high_ratings      integer NOT NULL,
            potential         text NOT NULL,
            status            text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined')),
            decided_by        text,
            decided_at        timestamptz,
            decision_comment  text,
            UNIQUE (comp_cycle_id, employee_id)
        );
        CREATE TABLE development_actions (
            action_id      text PRIMARY KEY,
            comp_cycle_id  text NOT NULL REFERENCES comp_cycles,
            employee_id    text NOT NULL,
            appraisal_id   text NOT NULL,
            competency_id  text NOT NULL,
            current_level  integer NOT NULL,
            target_level   integer NOT NULL,
            action_kind    text NOT NULL,
            title          text NOT NULL,
            UNIQUE (comp_cycle_id, employee_id, competency_id, title)
        );
        CREATE INDEX development_actions_employee ON development_actions (employee_id);
        CREATE TABLE consequence_reviews (
            review_id        text PRIMARY KEY,
            employee_id      text NOT NULL,
            trigger          text NOT NULL,
            source_key       text NOT NULL UNIQUE,
            comp_cycle_id    text,
            plan_id          text,
            low_rating_cycles text[] NOT NULL DEFAULT '{}',
            summary          text NOT NULL,
            status           text NOT NULL CHECK (status IN ('open', 'decided')),
            decision         text,
            decided_by       text,
            decided_at       timestamptz,
            created_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX consequence_reviews_employee ON consequence_reviews (employee_id);
        """)

    /// Field-level audit of the tables people write through the API. Recommendations are written
    /// in bulk (the run, approval) and changed only through what is audited on its own: a
    /// manager's adjustment is an audited row with the numbers before and after, an approval and
    /// a correction leave a summary entry — so they carry no row trigger.
    static let audited = PostgresMigration(
        version: 105, name: "audited_tables",
        sql: [
            ("comp_cycles", "comp_cycle_id"), ("adjustments", "adjustment_id"),
            ("compensation_changes", "change_id"), ("promotions", "promotion_id"), ("consequence_reviews", "review_id"),
        ].map { Audit.enable(on: $0.0, key: $0.1) }.joined(separator: "\n"))

    /// Cheaper bulk writes. Recommendations leave a third of each page free, so approving or
    /// adjusting one (status, amounts, who and when: no indexed column) rewrites it in place
    /// without touching its three indexes. A change's reversal id is unique only where there is
    /// one: the index no longer holds an entry for every change never reversed.
    static let lighterWrites = PostgresMigration(version: 106, name: "lighter_writes", sql: """
        ALTER TABLE recommendations SET (fillfactor = 70);
        ALTER TABLE compensation_changes DROP CONSTRAINT compensation_changes_reversal_id_key;
        CREATE UNIQUE INDEX compensation_changes_reversal ON compensation_changes (reversal_id) WHERE reversal_id IS NOT NULL;
        """)

    /// Bulk work skips the audit triggers without calling them (``Audit/skippedDuringBulk``).
    static let auditSkippedDuringBulk = PostgresMigration(
        version: 107, name: "audit_skipped_during_bulk", sql: Audit.skippedDuringBulk)

    /// Every read of compensation changes names the cycle and the employee (the unique index
    /// on cycle, employee, kind and sequence serves it), a recommendation or a cursor over the
    /// change id: the index on the employee alone was written by each approval and read by none.
    static let unreadChangeIndex = PostgresMigration(version: 108, name: "unread_change_index", sql: """
        DROP INDEX compensation_changes_employee;
        """)
}
