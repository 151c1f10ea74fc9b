import Foundation
import Logging
import StridePostgres
import StrideTestSupport
import Testing

/// A pool on the real test database and a fresh schema that is dropped afterwards.
enum TestDatabase {
    static let logger = Logger(label: "stride.postgres.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func configuration() throws -> PostgresConfiguration {
        try PostgresConfiguration(url: try TestEnvironment.databaseURL())
    }

    /// Runs `body` with a pool and a unique schema, then drops the schema and closes the pool.
    static func withSchema<T: Sendable>(
        maxConnections: Int = 4, acquireTimeout: Duration = .seconds(10),
        _ body: (PostgresPool, String) async throws -> T
    ) async throws -> T {
        let pool = PostgresPool(
            configuration: try configuration(), maxConnections: maxConnections, acquireTimeout: acquireTimeout, logger: logger)
        let schema = TestEnvironment.uniqueName("pgtest")
        do {
            try await pool.execute("CREATE SCHEMA \(identifier: schema)")
            let result = try await body(pool, schema)
            try await dropSchema(schema)
            await pool.close()
            return result
        } catch {
            try? await dropSchema(schema)
            await pool.close()
            throw error
        }
    }

    /// Drops a schema through a pool of its own (the test's pool may be exhausted or closed).
    static func dropSchema(_ schema: String) async throws {
        let pool = PostgresPool(configuration: try configuration(), maxConnections: 1, logger: logger)
        do {
            try await pool.execute("DROP SCHEMA IF EXISTS \(identifier: schema) CASCADE")
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}

/// Fails with a clear message instead of hanging when `operation` takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        guard let first = try await group.next(), let value = first else {
            group.cancelAll()
            throw TimedOut(limit: limit)
        }
        group.cancelAll()
        return value
    }
}

struct TimedOut: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "timed out after \(limit)" }
}
