import StridePostgres
import StrideRuntime

/// The `goals` schema: periods, the goal tree with each goal's live measurement, progress
/// history, templates, finalized attainments and the audit trail. Numbered from 100; 1–99 are
/// the runtime's (outbox, inbox, org directory, idempotency keys).
public enum GoalsMigrations {
    /// Every migration of the goals schema, in order.
    public static let all: [PostgresMigration] = [
        periods, goals, progress, audit, templates, attainments, uuidVersionFix, auditInRuntime, listIndexes,
        uuidInRuntime, suggestedGoals, auditSkippedDuringBulk, progressWrites,
    ]

    static let periods = PostgresMigration(version: 100, name: "periods", sql: """
        CREATE TABLE periods (
            period_id        text PRIMARY KEY,
            org_unit_id      text NOT NULL,
            name             text NOT NULL,
            kind             text NOT NULL CHECK (kind IN ('year', 'half', 'quarter')),
            starts_on        date NOT NULL,
            ends_on          date NOT NULL,
            parent_period_id text REFERENCES periods,
            status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            created_by       text NOT NULL,
            created_at       timestamptz NOT NULL DEFAULT now(),
            closed_by        text,
            closed_at        timestamptz,
            goal_count       integer,
            owner_count      integer,
            CHECK (starts_on <= ends_on)
        );
        CREATE INDEX periods_parent ON periods (parent_period_id);
        """)

    static let goals = PostgresMigration(version: 101, name: "goals", sql: """
        CREATE TABLE goals (
            goal_id            text PRIMARY KEY,
            period_id          text NOT NULL REFERENCES periods,
            owner_id           text NOT NULL,
            level              text NOT NULL CHECK (level IN ('company', 'department', 'team', 'employee')),
            kind               text NOT NULL CHECK (kind IN ('objective', 'kpi', 'milestone')),
            title              text NOT NULL,
            description        text,
            parent_goal_id     text REFERENCES goals,
            weight             numeric(5,2) NOT NULL CHECK (weight > 0 AND weight <= 100),
            due_date           date,
            status             text NOT NULL,
            version            integer NOT NULL DEFAULT 1,
            measure            jsonb,
            key_results        jsonb NOT NULL DEFAULT '[]',
            metric_source      text,
            metric_id          text,
            current_value      numeric,
            milestone_done     boolean NOT NULL DEFAULT false,
            key_result_values  jsonb NOT NULL DEFAULT '{}',
            progress_percent   numeric(7,2) NOT NULL DEFAULT 0,
            at_risk            boolean NOT NULL DEFAULT false,
            needs_reassignment boolean NOT NULL DEFAULT false,
            frozen             boolean NOT NULL DEFAULT false,
            template_id        text,
            last_reading_at    timestamptz,
            created_by         text NOT NULL,
            created_at         timestamptz NOT NULL DEFAULT now(),
            updated_at         timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX goals_period_owner ON goals (period_id, owner_id);
        CREATE INDEX goals_owner ON goals (owner_id);
        CREATE INDEX goals_parent ON goals (parent_goal_id);
        CREATE INDEX goals_metric ON goals (metric_source, metric_id) WHERE metric_id IS NOT NULL;
        CREATE INDEX goals_at_risk ON goals (period_id) WHERE at_risk;
        CREATE UNIQUE INDEX goals_template_assignment ON goals (template_id, period_id, owner_id) WHERE template_id IS NOT NULL;
        """)

    static let progress = PostgresMigration(version: 102, name: "progress", sql: """
        CREATE TABLE goal_progress (
            progress_id       text PRIMARY KEY,
            goal_id           text NOT NULL REFERENCES goals,
            actor_id          text NOT NULL,
            origin            text NOT NULL CHECK (origin IN ('manual', 'metric')),
            key_result_id     text,
            previous_value    numeric,
            current_value     numeric,
            milestone_done    boolean,
            previous_progress numeric(7,2) NOT NULL,
            progress          numeric(7,2) NOT NULL,
            comment           text,
            evidence_url      text,
            recorded_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX goal_progress_goal ON goal_progress (goal_id, recorded_at, progress_id);
        """)

    /// Every change to a goal row is audited by a trigger, so no code path can forget: the
    /// writer names itself with `set_config('stride.actor', …, true)` and the action with
    /// `stride.action`; a write without an actor is refused. Set-based jobs that audit at their
    /// own level (period close) set `stride.bulk` to skip the per-row copies.
    static let audit = PostgresMigration(version: 103, name: "audit", sql: """
        CREATE TABLE audit_log (
            audit_id    bigserial PRIMARY KEY,
            entity_type text NOT NULL,
            entity_id   text NOT NULL,
            actor_id    text NOT NULL,
            action      text NOT NULL,
            at          timestamptz NOT NULL DEFAULT now(),
            before      jsonb,
            after       jsonb
        );
        CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, audit_id);

        CREATE FUNCTION audit_goal_change() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$
        DECLARE
            actor text := nullif(current_setting('stride.actor', true), '');
        BEGIN
            IF coalesce(current_setting('stride.bulk', true), '') = 'on' THEN
                RETURN NULL;
            END IF;
            IF actor IS NULL THEN
                RAISE EXCEPTION 'goals: a write without stride.actor cannot be audited';
            END IF;
            INSERT INTO audit_log (entity_type, entity_id, actor_id, action, before, after)
            VALUES ('goal', coalesce(NEW.goal_id, OLD.goal_id), actor,
                    coalesce(nullif(current_setting('stride.action', true), ''), lower(TG_OP)),
                    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END,
                    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END);
            RETURN NULL;
        END $$;
        CREATE TRIGGER goals_audit AFTER INSERT OR UPDATE OR DELETE ON goals
            FOR EACH ROW EXECUTE FUNCTION audit_goal_change();
        """)

    static let templates = PostgresMigration(version: 104, name: "templates", sql: """
        CREATE TABLE goal_templates (
            template_id  text PRIMARY KEY,
            title        text NOT NULL,
            description  text,
            kind         text NOT NULL CHECK (kind IN ('objective', 'kpi', 'milestone')),
            weight       numeric(5,2) NOT NULL CHECK (weight > 0 AND weight <= 100),
            measure      jsonb,
            key_results  jsonb NOT NULL DEFAULT '[]',
            created_by   text NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now()
        );

        -- Time-ordered ids (UUID version 7) for goals made in bulk, like the ones the service mints.
        CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
            SELECT encode(
                set_bit(set_bit(set_bit(set_bit(
                    overlay(uuid_send(gen_random_uuid())
                            PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                            FROM 1 FOR 6),
                    52, 1), 53, 1), 54, 0), 55, 0),
                'hex')::uuid
        $$;
        """)

    static let attainments = PostgresMigration(version: 105, name: "attainments", sql: """
        CREATE TABLE attainments (
            period_id         text NOT NULL REFERENCES periods,
            employee_id       text NOT NULL,
            weighted_percent  numeric(7,2) NOT NULL,
            goals             jsonb NOT NULL,
            version           integer NOT NULL DEFAULT 1,
            finalized_by      text NOT NULL,
            finalized_at      timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (period_id, employee_id)
        );
        """)

    /// Migration 104's `uuid_v7()` set the version nibble with bits counted from the wrong end of
    /// the byte (`set_bit` numbers a byte's bits from its least significant one), so bulk-made ids
    /// said version 3. Same timestamp layout; version 7 now.
    static let uuidVersionFix = PostgresMigration(version: 106, name: "uuid_v7_version", sql: """
        CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
            SELECT encode(
                set_bit(set_bit(set_bit(set_bit(
                    overlay(uuid_send(gen_random_uuid())
                            PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                            FROM 1 FOR 6),
                    52, 1), 53, 1), 54, 1), 55, 0),
                'hex')::uuid
        $$;
        """)

    /// Goals' audit moves to the runtime's trail (runtime migration 9): the entries written so
    /// far move into `audit_trail` with their ids (page cursors stay valid; a goal's entries are
    /// filed under table `goals`, a period's under `periods`), goals' own trigger, function and
    /// table go, and the `goals` table is audited by the runtime's `audit_row()`.
    static let auditInRuntime = PostgresMigration(version: 107, name: "audit_in_runtime", sql: """
        DROP TRIGGER goals_audit ON goals;
        DROP FUNCTION audit_goal_change();
        INSERT INTO audit_trail (audit_id, table_name, record_id, actor_id, action, at, before, after)
            SELECT audit_id, CASE entity_type WHEN 'goal' THEN 'goals' WHEN 'period' THEN 'periods' ELSE entity_type END,
                   entity_id, actor_id, action, at, before, after
            FROM audit_log ORDER BY audit_id;
        SELECT setval(pg_get_serial_sequence('audit_trail', 'audit_id'), coalesce((SELECT max(audit_id) FROM audit_trail), 0) + 1, false);
        DROP TABLE audit_log;
        \(Audit.enable(on: "goals", key: "goal_id"))
        """)

    /// Every list filter reaches its rows through an index in the list's order (goal id), so a
    /// page reads about a page of rows: period, status, level, parent, at-risk and leaver flags.
    /// History pages read a goal's entries newest first straight from an index.
    static let listIndexes = PostgresMigration(version: 108, name: "list_indexes", sql: """
        CREATE INDEX goals_period_order ON goals (period_id, goal_id);
        CREATE INDEX goals_status_order ON goals (status, goal_id);
        CREATE INDEX goals_level_order ON goals (level, goal_id);
        CREATE INDEX goals_parent_order ON goals (parent_goal_id, goal_id);
        DROP INDEX goals_parent;
        CREATE INDEX goals_at_risk_order ON goals (period_id, goal_id) WHERE at_risk;
        DROP INDEX goals_at_risk;
        CREATE INDEX goals_needs_reassignment ON goals (period_id, goal_id) WHERE needs_reassignment;
        CREATE INDEX goal_progress_goal_order ON goal_progress (goal_id, progress_id);
        """)

    /// Time-ordered ids come from the runtime's `uuid_v7(issued_at timestamptz DEFAULT now)`
    /// (runtime migration 10), called as `uuid_v7()` as before. On a schema that already had
    /// goals' own `uuid_v7()`, runtime migration 10 replaced it; on a new schema, 104 created it
    /// beside the runtime's (104 is applied and must not change), so it goes here, leaving one
    /// unambiguous `uuid_v7()` either way.
    static let uuidInRuntime = PostgresMigration(version: 109, name: "uuid_v7_in_runtime", sql: """
        DO $$ BEGIN
            -- Only this schema's: an unqualified name would also find one in public.
            IF to_regprocedure(format('%I.uuid_v7()', current_schema())) IS NOT NULL THEN
                EXECUTE format('DROP FUNCTION %I.uuid_v7()', current_schema());
            END IF;
        END $$;
        """)

    /// Bulk work skips the audit triggers without calling them (``Audit/skippedDuringBulk``).
    static let auditSkippedDuringBulk = PostgresMigration(
        version: 111, name: "audit_skipped_during_bulk", sql: Audit.skippedDuringBulk)

    /// Cheaper progress writes, the goals service's hottest path. Goals' pages keep a fifth free,
    /// so a progress update that leaves the indexed columns as they were (most do) is a
    /// heap-only update: a new row version on the same page and no entry in any of the table's
    /// eleven indexes. Pages written before keep their layout until rewritten (a `VACUUM FULL`
    /// in a quiet hour). History pages read `goal_progress_goal_order`; the first index on
    /// `(goal_id, recorded_at, progress_id)` was read by nothing and cost every update an entry.
    static let progressWrites = PostgresMigration(version: 112, name: "progress_writes", sql: """
        ALTER TABLE goals SET (fillfactor = 80);
        DROP INDEX goal_progress_goal;
        """)
}
