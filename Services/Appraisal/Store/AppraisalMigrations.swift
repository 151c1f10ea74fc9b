import StridePostgres
import StrideRuntime

/// The `appraisal` schema, on top of the runtime's tables (outbox, inbox, org directory,
/// idempotency keys, audit trail). Versions start at 100 so the runtime's own stay below.
///
/// A cycle pins one template version; each employee in it has one appraisal row (its current
/// version's numbers, with the score's provenance as JSON); the reviews of it are rows of their
/// own, one per reviewer, which only the reviewer, HR and — in aggregate — the appraisal's
/// readers ever see.
public enum AppraisalMigrations {
    /// Every migration, in order.
    public static let all: [PostgresMigration] = [
        library, cycles, reviews, attainment, calibration, outcomes, audited, explanationCompression, auditSkippedDuringBulk,
        linkTokensIndexedWhereSet, explanationsAsWritten,
    ]

    /// The index system: the competency library and versioned templates. A template version is
    /// never changed once written; a change is the next version.
    static let library = PostgresMigration(version: 100, name: "library", sql: """
        CREATE TABLE competencies (
            competency_id  text PRIMARY KEY,
            name           text NOT NULL,
            description    text NOT NULL,
            anchors        jsonb NOT NULL,
            created_by     text NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE templates (
            template_id    text NOT NULL,
            version        integer NOT NULL CHECK (version > 0),
            name           text NOT NULL,
            job_family     text,
            terms          jsonb NOT NULL,
            created_by     text NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (template_id, version)
        );
        """)

    /// Cycles and their appraisals: one row per employee in the population, made set-based when
    /// the cycle opens. `status` is `active` or `withdrawn` (the employee left mid-cycle).
    static let cycles = PostgresMigration(version: 101, name: "cycles", sql: """
        CREATE TABLE cycles (
            cycle_id            text PRIMARY KEY,
            name                text NOT NULL,
            org_unit_id         text NOT NULL,
            period_id           text NOT NULL,
            template_id         text NOT NULL,
            template_version    integer NOT NULL,
            population          jsonb NOT NULL,
            schedule            jsonb NOT NULL,
            phase               text NOT NULL,
            dispute_window_days integer NOT NULL,
            participant_count   integer NOT NULL,
            opened_by           text NOT NULL,
            opened_at           timestamptz NOT NULL DEFAULT now(),
            released_on         date,
            closed_on           date,
            FOREIGN KEY (template_id, template_version) REFERENCES templates (template_id, version)
        );
        CREATE TABLE appraisals (
            appraisal_id      text PRIMARY KEY,
            cycle_id          text NOT NULL REFERENCES cycles,
            employee_id       text NOT NULL,
            manager_id        text,
            department        text NOT NULL,
            job_level         text NOT NULL,
            status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
            potential         text CHECK (potential IN ('low', 'moderate', 'high')),
            version           integer NOT NULL DEFAULT 0,
            goal_score        numeric(9,4),
            competency_score  numeric(9,4),
            final_score       numeric(9,4),
            proposed_level    integer,
            rating_level      integer,
            calibrated        boolean NOT NULL DEFAULT false,
            explanation       jsonb,
            scored_at         timestamptz,
            acknowledged_version integer,
            acknowledged_at   timestamptz,
            acknowledgement_comment text,
            updated_at        timestamptz NOT NULL DEFAULT now(),
            UNIQUE (cycle_id, employee_id)
        );
        CREATE INDEX appraisals_employee ON appraisals (employee_id, cycle_id);
        CREATE INDEX appraisals_manager ON appraisals (manager_id, cycle_id);
        CREATE INDEX appraisals_population ON appraisals (cycle_id, department, job_level);
        """)

    /// Reviews: one per reviewer of an appraisal. `reviewer_id` is empty for an external rater,
    /// who answers through a single-use link whose token only its SHA-256 hash is kept of.
    /// `status`: `nominated` (awaiting the manager), `requested`, `draft`, `submitted`,
    /// `declined`, `withdrawn`.
    static let reviews = PostgresMigration(version: 102, name: "reviews", sql: """
        CREATE TABLE reviews (
            review_id        text PRIMARY KEY,
            appraisal_id     text NOT NULL REFERENCES appraisals,
            cycle_id         text NOT NULL,
            employee_id      text NOT NULL,
            reviewer_id      text NOT NULL,
            rater_group      text NOT NULL CHECK (rater_group IN ('manager', 'self', 'peer', 'direct_report', 'external')),
            status           text NOT NULL CHECK (status IN ('nominated', 'requested', 'draft', 'submitted', 'declined', 'withdrawn')),
            content          jsonb,
            decline_reason   text,
            due_on           date NOT NULL,
            requested_by     text NOT NULL,
            submitted_at     timestamptz,
            external_name    text,
            external_email   text,
            link_token_hash  bytea UNIQUE,
            link_used_at     timestamptz,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX reviews_reviewer ON reviews (reviewer_id, cycle_id, review_id) WHERE reviewer_id <> '';
        CREATE INDEX reviews_appraisal ON reviews (appraisal_id, rater_group);
        CREATE INDEX reviews_cycle_submitted ON reviews (cycle_id) WHERE status = 'submitted';
        CREATE UNIQUE INDEX reviews_one_per_reviewer ON reviews (appraisal_id, reviewer_id)
            WHERE reviewer_id <> '' AND status <> 'withdrawn';
        """)

    /// What appraisal knows from other services: each employee's goal attainment per period from
    /// `stride.goals.v1` (the highest version wins), and the coaching facts a manager reads next
    /// to each goal while reviewing (evidence, improvement plans) from `stride.coaching.v1`.
    static let attainment = PostgresMigration(version: 103, name: "inputs", sql: """
        CREATE TABLE attainments (
            employee_id                 text NOT NULL,
            period_id                   text NOT NULL,
            version                     integer NOT NULL,
            weighted_attainment_percent numeric(9,2) NOT NULL,
            goals                       jsonb NOT NULL,
            event_id                    text NOT NULL,
            received_at                 timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (employee_id, period_id)
        );
        CREATE TABLE coaching_facts (
            fact_id       text PRIMARY KEY,
            employee_id   text NOT NULL,
            kind          text NOT NULL,
            goal_id       text,
            occurred_on   date NOT NULL,
            summary       text NOT NULL,
            received_at   timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX coaching_facts_employee ON coaching_facts (employee_id, occurred_on DESC);
        """)

    /// Calibration sessions over a population of a cycle, their adjustments (each with its
    /// reason: the audit trail HR and auditors read), and the distribution guideline they follow.
    static let calibration = PostgresMigration(version: 104, name: "calibration", sql: """
        CREATE TABLE calibration_sessions (
            session_id     text PRIMARY KEY,
            cycle_id       text NOT NULL REFERENCES cycles,
            name           text NOT NULL,
            departments    text[] NOT NULL,
            job_levels     text[] NOT NULL,
            guideline      jsonb NOT NULL,
            participants   text[] NOT NULL,
            status         text NOT NULL CHECK (status IN ('open', 'locked')),
            created_by     text NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            locked_by      text,
            locked_at      timestamptz
        );
        CREATE INDEX calibration_sessions_cycle ON calibration_sessions (cycle_id);
        CREATE TABLE calibration_adjustments (
            adjustment_id   text PRIMARY KEY,
            session_id      text NOT NULL REFERENCES calibration_sessions,
            appraisal_id    text NOT NULL REFERENCES appraisals,
            previous_level  integer NOT NULL,
            level           integer NOT NULL,
            previous_potential text,
            potential       text NOT NULL,
            reason          text NOT NULL,
            adjusted_by     text NOT NULL,
            adjusted_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX calibration_adjustments_session ON calibration_adjustments (session_id, adjusted_at);
        """)

    /// After release: every finalized version of an appraisal as it was published (a dispute
    /// amended is the next version), and the disputes themselves.
    static let outcomes = PostgresMigration(version: 105, name: "outcomes", sql: """
        CREATE TABLE appraisal_versions (
            appraisal_id      text NOT NULL REFERENCES appraisals,
            version           integer NOT NULL,
            goal_score        numeric(9,4),
            competency_score  numeric(9,4),
            final_score       numeric(9,4) NOT NULL,
            rating_level      integer NOT NULL,
            potential         text NOT NULL,
            calibrated        boolean NOT NULL,
            explanation       jsonb NOT NULL,
            finalized_by      text NOT NULL,
            finalized_at      timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (appraisal_id, version)
        );
        CREATE TABLE disputes (
            dispute_id       text PRIMARY KEY,
            appraisal_id     text NOT NULL REFERENCES appraisals,
            version          integer NOT NULL,
            disputed_fields  text[] NOT NULL,
            reason           text NOT NULL,
            status           text NOT NULL CHECK (status IN ('open', 'upheld', 'amended', 'withdrawn')),
            raised_by        text NOT NULL,
            raised_at        timestamptz NOT NULL DEFAULT now(),
            resolved_by      text,
            resolved_at      timestamptz,
            resolution_comment text
        );
        CREATE UNIQUE INDEX disputes_one_open ON disputes (appraisal_id) WHERE status = 'open';
        """)

    /// Field-level audit of every table people change.
    static let audited = PostgresMigration(
        version: 106, name: "audited_tables",
        sql: [
            ("competencies", "competency_id"), ("templates", "template_id"), ("cycles", "cycle_id"),
            ("appraisals", "appraisal_id"), ("reviews", "review_id"), ("calibration_sessions", "session_id"),
            ("calibration_adjustments", "adjustment_id"), ("disputes", "dispute_id"),
        ].map { Audit.enable(on: $0.0, key: $0.1) }.joined(separator: "\n"))

    /// A score's explanation (2–3 kB of JSON) is compressed when stored; lz4 does that several
    /// times faster than the default pglz, which was a seventh of the database's time while a
    /// cycle was scored. A server built without lz4 keeps pglz.
    static let explanationCompression = PostgresMigration(version: 107, name: "explanation_compression", sql: """
        DO $$ BEGIN
            ALTER TABLE appraisals ALTER COLUMN explanation SET COMPRESSION lz4;
            ALTER TABLE appraisal_versions ALTER COLUMN explanation SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN NULL;
        END $$;
        """)

    /// Bulk work skips the audit triggers without calling them (``Audit/skippedDuringBulk``).
    static let auditSkippedDuringBulk = PostgresMigration(
        version: 108, name: "audit_skipped_during_bulk", sql: Audit.skippedDuringBulk)

    /// Only external reviews have a link token, so the uniqueness of its hash is kept by a
    /// partial index: opening a cycle no longer writes a `NULL` entry for each of its hundreds
    /// of thousands of internal review requests (about 0.3 s per 300,000). Lookups by a token's
    /// hash read the same index.
    static let linkTokensIndexedWhereSet = PostgresMigration(version: 109, name: "link_tokens_indexed_where_set", sql: """
        ALTER TABLE reviews DROP CONSTRAINT reviews_link_token_hash_key;
        CREATE UNIQUE INDEX reviews_link_token ON reviews (link_token_hash) WHERE link_token_hash IS NOT NULL;
        """)

    /// A score's explanation is written once by scoring, copied into each version and read back
    /// whole: `json` keeps the text as written, where `jsonb` parsed every explanation into its
    /// binary form on the way in (a scoring chunk of 2,000 spent a third of its statement there)
    /// and printed it again on the way out. Nothing queries inside an explanation.
    static let explanationsAsWritten = PostgresMigration(version: 110, name: "explanations_as_written", sql: """
        ALTER TABLE appraisals ALTER COLUMN explanation TYPE json USING explanation::json;
        ALTER TABLE appraisal_versions ALTER COLUMN explanation TYPE json USING explanation::json;
        DO $$ BEGIN
            ALTER TABLE appraisals ALTER COLUMN explanation SET COMPRESSION lz4;
            ALTER TABLE appraisal_versions ALTER COLUMN explanation SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN NULL;
        END $$;
        """)
}
