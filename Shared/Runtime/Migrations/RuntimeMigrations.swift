import StridePostgres

/// The tables every service's schema holds for the runtime: the transactional outbox, the inbox
/// of processed events, the org-directory projection, the idempotency keys of HTTP writes, the
/// audit trail, and the functions its queries share (`reporting_line`, `uuid_v7`).
///
/// - Important: versions 1–99 of each schema's `schema_migrations` belong to the runtime; a
///   service numbers its own migrations from 100.
public enum RuntimeMigrations {
    /// The runtime's migrations, to run before a service's own.
    public static let all: [PostgresMigration] = [
        PostgresMigration(version: 1, name: "outbox", sql: """
            CREATE TABLE outbox (
                id            bigserial PRIMARY KEY,
                event_id      uuid NOT NULL UNIQUE,
                topic         text NOT NULL,
                partition_key text NOT NULL,
                event_type    text NOT NULL,
                headers       jsonb NOT NULL,
                payload       text NOT NULL,
                created_at    timestamptz NOT NULL DEFAULT now(),
                published_at  timestamptz
            );
            CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
            CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
            """),
        PostgresMigration(version: 2, name: "inbox", sql: """
            CREATE TABLE inbox (
                event_id       text PRIMARY KEY,
                event_type     text NOT NULL,
                topic          text NOT NULL,
                kafka_partition integer NOT NULL,
                kafka_offset   bigint NOT NULL,
                processed_at   timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX inbox_processed_at ON inbox (processed_at);
            """),
        PostgresMigration(version: 3, name: "org_directory", sql: """
            CREATE TABLE org_employees (
                employee_id     text PRIMARY KEY,
                name            text NOT NULL,
                email           text NOT NULL,
                manager_id      text,
                department      text NOT NULL,
                job_title       text NOT NULL,
                job_level       text NOT NULL,
                hire_date       date NOT NULL,
                status          text NOT NULL,
                base_salary     numeric(14,2) NOT NULL,
                currency        char(3) NOT NULL,
                band_min        numeric(14,2) NOT NULL,
                band_mid        numeric(14,2) NOT NULL,
                band_max        numeric(14,2) NOT NULL,
                terminated_on   date,
                updated_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX org_employees_manager ON org_employees (manager_id);
            CREATE INDEX org_employees_department ON org_employees (department);
            """),
        PostgresMigration(version: 4, name: "idempotency_keys", sql: """
            CREATE TABLE idempotency_keys (
                principal     text NOT NULL,
                key           text NOT NULL,
                request_hash  text NOT NULL,
                status        integer NOT NULL,
                response_body text NOT NULL,
                created_at    timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (principal, key)
            );
            """),
        // One definition of "everyone below a manager" for every query that filters by it
        // (visibility, bulk assignment, attainment lists); a depth guard stops bad data looping.
        PostgresMigration(version: 5, name: "reporting_line", sql: """
            CREATE FUNCTION reporting_line(manager text) RETURNS SETOF text
                LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
                WITH RECURSIVE line (employee_id, depth) AS (
                    SELECT employee_id, 1 FROM org_employees WHERE manager_id = manager
                    UNION
                    SELECT e.employee_id, l.depth + 1
                    FROM line l JOIN org_employees e ON e.manager_id = l.employee_id
                    WHERE l.depth < 256
                )
                SELECT DISTINCT employee_id FROM line
            $$;
            """),
        // Delivery state per row (attempts, the last error, parked rows that never hold back the
        // rest) and the lease that lets one relay per schema publish without holding a lock
        // across Kafka I/O.
        PostgresMigration(version: 6, name: "outbox_delivery", sql: """
            ALTER TABLE outbox
                ADD COLUMN attempts   integer NOT NULL DEFAULT 0,
                ADD COLUMN last_error text,
                ADD COLUMN parked_at  timestamptz;
            DROP INDEX outbox_pending;
            CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
            CREATE INDEX outbox_parked ON outbox (id) WHERE published_at IS NULL AND parked_at IS NOT NULL;
            CREATE TABLE outbox_relay_lease (
                singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                holder     text NOT NULL,
                expires_at timestamptz NOT NULL
            );
            """),
        // Two consumers of one schema may read the same topic: an event is processed once per consumer.
        // Rows recorded before this migration keep the consumer '' and still count for every consumer.
        PostgresMigration(version: 7, name: "inbox_per_consumer", sql: """
            ALTER TABLE inbox ADD COLUMN consumer text NOT NULL DEFAULT '';
            ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
            ALTER TABLE inbox ADD PRIMARY KEY (consumer, event_id);
            ALTER TABLE inbox ALTER COLUMN consumer DROP DEFAULT;
            CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
            """),
        // When each periodic job last started, so that one replica runs it per interval.
        PostgresMigration(version: 8, name: "job_runs", sql: """
            CREATE TABLE job_runs (
                name             text PRIMARY KEY,
                last_started_at  timestamptz NOT NULL,
                last_finished_at timestamptz,
                holder           text NOT NULL
            );
            """),
        // Field-level audit for every schema: the trail, and the trigger function a service
        // attaches to the tables it audits (`Audit.enable(on:key:)`). The writer names itself
        // with `stride.actor` (`Audit.identify`); a write without an actor is refused. A set-based
        // job that audits at its own level sets `stride.bulk` (`Audit.suspendRowAudit`).
        PostgresMigration(version: 9, name: "audit_trail", sql: """
            CREATE TABLE audit_trail (
                audit_id    bigserial PRIMARY KEY,
                table_name  text NOT NULL,
                record_id   text NOT NULL,
                actor_id    text NOT NULL,
                action      text NOT NULL,
                at          timestamptz NOT NULL DEFAULT now(),
                before      jsonb,
                after       jsonb
            );
            CREATE INDEX audit_trail_record ON audit_trail (table_name, record_id, audit_id);

            CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql
            SET search_path FROM CURRENT AS $$
            DECLARE
                actor text := nullif(current_setting('stride.actor', true), '');
                old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
                new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
            BEGIN
                IF coalesce(current_setting('stride.bulk', true), '') = 'on' THEN
                    RETURN NULL;
                END IF;
                IF actor IS NULL THEN
                    RAISE EXCEPTION '%.%: a write without stride.actor cannot be audited', TG_TABLE_SCHEMA, TG_TABLE_NAME;
                END IF;
                INSERT INTO audit_trail (table_name, record_id, actor_id, action, before, after)
                VALUES (TG_TABLE_NAME, coalesce(new_row, old_row) ->> TG_ARGV[0], actor,
                        coalesce(nullif(current_setting('stride.action', true), ''), lower(TG_OP)), old_row, new_row);
                RETURN NULL;
            END $$;
            """),
        // Time-ordered ids for rows a statement makes in bulk, the same UUID version 7 as
        // `TimeOrderedID.make(now:)`: `uuid_v7()` for now, `uuid_v7(issued_at)` for another instant.
        //
        // Goals defined its own `uuid_v7()` (goals 104 and 106) before this migration. The
        // parameter with a default keeps both orders working without editing an applied
        // migration: on a schema where goals' function exists, it is replaced here in one
        // transaction; on a new schema goals 104 can still create its `uuid_v7()` beside this
        // `uuid_v7(timestamptz)` (another signature), and goals 109 drops it again. Calls read
        // `uuid_v7()` throughout.
        PostgresMigration(version: 10, name: "uuid_v7", sql: """
            DO $$ BEGIN
                -- Only this schema's: an unqualified name would also find one in public.
                IF to_regprocedure(format('%I.uuid_v7()', current_schema())) IS NOT NULL THEN
                    EXECUTE format('DROP FUNCTION %I.uuid_v7()', current_schema());
                END IF;
            END $$;
            CREATE OR REPLACE FUNCTION uuid_v7(issued_at timestamptz DEFAULT clock_timestamp()) RETURNS uuid
                LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
                SELECT encode(
                    set_bit(set_bit(set_bit(set_bit(
                        overlay(uuid_send(gen_random_uuid())
                                PLACING substring(int8send(greatest(0, floor(extract(epoch FROM issued_at) * 1000))::bigint) FROM 3)
                                FROM 1 FOR 6),
                        52, 1), 53, 1), 54, 1), 55, 0),
                    'hex')::uuid
            $$;
            """),
        // A set-based job that suspends row audit (`stride.bulk`) paid for two `to_jsonb` of every
        // row before the trigger looked at the setting; now it returns first, so a 200,000-row
        // bulk write costs the trigger call only.
        PostgresMigration(version: 11, name: "audit_row_bulk_first", sql: """
            CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql
            SET search_path FROM CURRENT AS $$
            DECLARE
                actor text;
                old_row jsonb;
                new_row jsonb;
            BEGIN
                IF current_setting('stride.bulk', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                actor := nullif(current_setting('stride.actor', true), '');
                IF actor IS NULL THEN
                    RAISE EXCEPTION '%.%: a write without stride.actor cannot be audited', TG_TABLE_SCHEMA, TG_TABLE_NAME;
                END IF;
                old_row := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
                new_row := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
                INSERT INTO audit_trail (table_name, record_id, actor_id, action, before, after)
                VALUES (TG_TABLE_NAME, coalesce(new_row, old_row) ->> TG_ARGV[0], actor,
                        coalesce(nullif(current_setting('stride.action', true), ''), lower(TG_OP)), old_row, new_row);
                RETURN NULL;
            END $$;
            """),
        // The outbox's headers are written once and read back as text by the relay: `json` keeps
        // them as written, where `jsonb` parsed each row into its binary form on the way in (over
        // a second per 300,000 rows of a bulk step) and printed it again on the way out.
        PostgresMigration(version: 12, name: "outbox_headers_json", sql: """
            ALTER TABLE outbox ALTER COLUMN headers TYPE json USING headers::json;
            """),
        // An event's id is drawn from 122 random bits where it is made (`EventCodec`, `OutboxSQL`)
        // and nothing looks an outbox row up by it: the unique index only cost every insert a
        // visit to a random page of a growing B-tree (a quarter of a bulk step's outbox writes,
        // 0.4 s per 200,000 rows). Consumers deduplicate by event id in their inboxes.
        PostgresMigration(version: 13, name: "outbox_event_id_not_indexed", sql: """
            ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key;
            """),
        // `uuid_v7()` three times cheaper (0.9–1.2 s → 0.27–0.30 s per 300,000 ids; opening an
        // appraisal cycle for 100,000 people makes 400,000): the millisecond is computed from the
        // timestamp's integer microseconds instead of a `numeric` epoch, and the 74 random bits come
        // from the backend's generator (`random()`, seeded from the system's strong source when the
        // backend starts) instead of a cryptographic `gen_random_uuid()` per row — a record id is
        // an identifier, never a secret, and the primary key refuses a duplicate. Same layout:
        // 48-bit Unix milliseconds, version 7, 12 random bits, variant 0b10, 62 random bits.
        PostgresMigration(version: 14, name: "uuid_v7_cheaper", sql: """
            CREATE OR REPLACE FUNCTION uuid_v7(issued_at timestamptz DEFAULT clock_timestamp()) RETURNS uuid
                LANGUAGE sql VOLATILE PARALLEL RESTRICTED AS $$
                SELECT encode(
                    int8send((greatest(0, (date_part('epoch', issued_at) * 1000000)::bigint / 1000) << 16)
                             | 28672 | (random() * 4095)::int)
                    || int8send(((random() * 2147483647)::bigint << 31) | (random() * 2147483647)::bigint
                                | (-9223372036854775807 - 1)),
                    'hex')::uuid
            $$;
            """),
    ]
}
