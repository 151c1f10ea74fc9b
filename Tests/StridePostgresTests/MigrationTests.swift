import Foundation
import StridePostgres
import StrideTestSupport
import Synchronization
import Testing

@Suite("Migrations")
struct MigrationTests {
    static let migrations = [
        PostgresMigration(version: 1, name: "create_goals", sql: """
            CREATE TABLE goal (id serial PRIMARY KEY, title text NOT NULL);
            CREATE INDEX goal_title ON goal (title);
            """),
        PostgresMigration(version: 2, name: "seed", sql: "INSERT INTO goal (title) VALUES ('first');"),
        PostgresMigration(version: 3, name: "add_weight", sql: "ALTER TABLE goal ADD COLUMN weight numeric NOT NULL DEFAULT 0;"),
    ]

    @Test func concurrentMigratorsApplyEachVersionOnce() async throws {
        let schema = TestEnvironment.uniqueName("mig")
        do {
            try await checkConcurrentMigrators(schema: schema)
        } catch {
            try? await TestDatabase.dropSchema(schema)
            throw error
        }
        try await TestDatabase.dropSchema(schema)
    }

    private func checkConcurrentMigrators(schema: String) async throws {
        let applied = Shared<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    // Separate pools, like separate replicas starting at once.
                    let pool = PostgresPool(configuration: try TestDatabase.configuration(), maxConnections: 2, logger: TestDatabase.logger)
                    do {
                        let versions = try await PostgresMigrator(schema: schema, migrations: Self.migrations, logger: TestDatabase.logger)
                            .migrate(pool)
                        applied.withLock { $0 += versions }
                    } catch {
                        await pool.close()
                        throw error
                    }
                    await pool.close()
                }
            }
            try await group.waitForAll()
        }
        #expect(applied.withLock { $0.sorted() } == [1, 2, 3])
        let pool = PostgresPool(configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
        let recorded = try await pool.query("SELECT version, name, checksum FROM \(identifier: schema).schema_migrations ORDER BY version")
        #expect(try recorded.map { try $0.decode("version", as: Int.self) } == [1, 2, 3])
        #expect(try recorded.map { try $0.decode("checksum", as: String.self) } == Self.migrations.map(\.checksum))
        let serverMD5 = try await pool.query("SELECT md5(\(Self.migrations[0].sql)::text) AS m")[0].decode("m", as: String.self)
        #expect(serverMD5 == Self.migrations[0].checksum)
        // The seed ran exactly once, through the unqualified name.
        #expect(try await pool.query("SELECT count(*) AS n FROM \(identifier: schema).goal")[0].decode("n", as: Int.self) == 1)
        // Running again applies nothing.
        #expect(try await PostgresMigrator(schema: schema, migrations: Self.migrations, logger: TestDatabase.logger).migrate(pool) == [])
        await pool.close()
    }

    @Test func changedAppliedMigrationIsAnErrorNamingTheVersion() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let schema = TestEnvironment.uniqueName("mig")
            _ = try await PostgresMigrator(schema: schema, migrations: Self.migrations, logger: TestDatabase.logger).migrate(pool)
            var edited = Self.migrations
            edited[1].sql = "INSERT INTO goal (title) VALUES ('edited');"
            let error = try await #require(throws: PostgresError.self) {
                try await PostgresMigrator(schema: schema, migrations: edited, logger: TestDatabase.logger).migrate(pool)
            }
            #expect(error.code == .migration)
            #expect(error.message.contains("migration 2"), "\(error.message)")
            try await pool.execute("DROP SCHEMA \(identifier: schema) CASCADE")
        }
    }

    @Test func failingMigrationRollsBackAndNamesTheVersion() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let schema = TestEnvironment.uniqueName("mig")
            let broken = Self.migrations + [
                PostgresMigration(version: 4, name: "broken", sql: "CREATE TABLE half (id int); SELECT * FROM missing_table;"),
            ]
            let error = try await #require(throws: PostgresError.self) {
                try await PostgresMigrator(schema: schema, migrations: broken, logger: TestDatabase.logger).migrate(pool)
            }
            #expect(error.code == .migration)
            #expect(error.message.contains("migration 4") && error.message.contains("missing_table"), "\(error.message)")
            let versions = try await pool.query("SELECT version FROM \(identifier: schema).schema_migrations ORDER BY version")
            #expect(try versions.map { try $0.decode("version", as: Int.self) } == [1, 2, 3])
            let half = try await pool.query("SELECT to_regclass(\(schema + ".half"))::text AS t")[0].decode("t", as: String?.self)
            #expect(half == nil)
            // The advisory lock was released: another migrator gets through.
            #expect(try await PostgresMigrator(schema: schema, migrations: Self.migrations, logger: TestDatabase.logger).migrate(pool) == [])
            try await pool.execute("DROP SCHEMA \(identifier: schema) CASCADE")
        }
    }

    @Test func loadsNumberedFilesInVersionOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(TestEnvironment.uniqueName("migrations"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "SELECT 2;".write(to: directory.appendingPathComponent("0002_second.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1;".write(to: directory.appendingPathComponent("0001_first_one.sql"), atomically: true, encoding: .utf8)
        try "notes".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let loaded = try PostgresMigration.load(directory: directory)
        #expect(loaded.map(\.version) == [1, 2])
        #expect(loaded.map(\.name) == ["first_one", "second"])
        #expect(loaded[0].sql == "SELECT 1;")
        try "SELECT 3;".write(to: directory.appendingPathComponent("0002_clash.sql"), atomically: true, encoding: .utf8)
        #expect(throws: PostgresError.self) { try PostgresMigration.load(directory: directory) }
    }
}
