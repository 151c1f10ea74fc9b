import Logging

/// Applies a service's migrations to its schema, safely when several replicas start at once.
///
/// `migrate` takes a session advisory lock derived from the schema name, creates the schema and
/// `<schema>.schema_migrations(version, name, checksum, applied_at)` if missing, then runs each
/// migration not yet recorded in its own transaction with `SET LOCAL search_path TO <schema>, public`
/// and records its MD5 checksum. Concurrent migrators wait on the lock and then find the work done.
public struct PostgresMigrator: Sendable {
    /// The schema the migrations own.
    public let schema: String
    /// The migrations, in any order (they run by ascending version).
    public let migrations: [PostgresMigration]
    let logger: Logger

    /// Creates a migrator.
    /// - Parameters:
    ///   - schema: the service's schema (created if missing); any name is quoted safely.
    ///   - migrations: all migrations the service has ever shipped.
    ///   - logger: receives one info line per applied migration.
    public init(schema: String, migrations: [PostgresMigration], logger: Logger) {
        self.schema = schema
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// Applies the migrations that are not applied yet.
    /// - Returns: the versions applied by this call, ascending (empty when up to date).
    /// - Throws: ``PostgresError/Code/migration`` naming the version when a migration fails (its
    ///   transaction is rolled back; earlier ones stay applied), when an applied migration's SQL
    ///   changed (checksum mismatch), or when two migrations share a version.
    @discardableResult
    public func migrate(_ pool: PostgresPool) async throws -> [Int] {
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.version).inserted {
            throw PostgresError(code: .migration, message: "two migrations share version \(migration.version)")
        }
        let schemaName = PostgresQuery.quoteIdentifier(schema)
        return try await pool.withConnection { connection in
            let lockKey = "stride.migrations:" + schema
            try await connection.execute("SELECT pg_advisory_lock(hashtextextended(\(lockKey)::text, 0))")
            do {
                let applied = try await apply(on: connection, schemaName: schemaName)
                try await connection.execute("SELECT pg_advisory_unlock(hashtextextended(\(lockKey)::text, 0))")
                return applied
            } catch {
                // If unlocking fails the connection is broken, and the server drops the lock with it.
                _ = try? await connection.execute("SELECT pg_advisory_unlock(hashtextextended(\(lockKey)::text, 0))")
                throw error
            }
        }
    }

    private func apply(on connection: PostgresConnection, schemaName: String) async throws -> [Int] {
        try await connection.execute("CREATE SCHEMA IF NOT EXISTS \(unescaped: schemaName)")
        try await connection.execute("""
            CREATE TABLE IF NOT EXISTS \(unescaped: schemaName).schema_migrations (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let rows = try await connection.query("SELECT version, checksum FROM \(unescaped: schemaName).schema_migrations")
        var recorded: [Int: String] = [:]
        for row in rows { recorded[try row.decode("version")] = try row.decode("checksum", as: String.self) }

        var applied: [Int] = []
        for migration in migrations {
            if let checksum = recorded[migration.version] {
                guard checksum == migration.checksum else {
                    throw PostgresError(
                        code: .migration,
                        message: "migration \(migration.version) (\(migration.name)) was changed after it was applied to schema "
                            + "\(schema): checksum \(migration.checksum) differs from the recorded \(checksum); "
                            + "add a new migration instead of editing an applied one")
                }
                continue
            }
            try await run(migration, on: connection, schemaName: schemaName)
            applied.append(migration.version)
        }
        return applied
    }

    private func run(_ migration: PostgresMigration, on connection: PostgresConnection, schemaName: String) async throws {
        do {
            try await connection.executeScript("BEGIN")
            try await connection.executeScript("SET LOCAL search_path TO \(schemaName), public")
            try await connection.executeScript(migration.sql)
            try await connection.execute("""
                INSERT INTO \(unescaped: schemaName).schema_migrations (version, name, checksum)
                VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                """)
            try await connection.commit()
        } catch {
            _ = try? await connection.executeScript("ROLLBACK")
            let cause = (error as? PostgresError)
            throw PostgresError(
                code: .migration,
                message: "migration \(migration.version) (\(migration.name)) failed in schema \(schema): \(cause?.message ?? "\(error)")",
                sqlState: cause?.sqlState, detail: cause?.detail)
        }
        logger.info("applied migration", metadata: [
            "postgres.schema": "\(schema)", "postgres.migration_version": "\(migration.version)", "postgres.migration_name": "\(migration.name)",
        ])
    }
}
