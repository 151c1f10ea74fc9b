import ArgumentParser
import StrideCommandLine
import Foundation
import StridePostgres
import StrideRuntime

/// `stride outbox parked` and `stride outbox requeue`: the outbox rows a service's relay parked
/// because they could not be delivered (too large, topic denied…), and putting them back after a fix.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Inspect and re-queue a service's parked outbox rows.",
        subcommands: [Parked.self, Requeue.self])

    struct Parked: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the parked rows of a service's outbox, oldest first, with why.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The service's schema, e.g. goals.")
        var schema: String

        @Option(help: "At most this many rows.")
        var limit: Int = 100

        func run() async throws {
            try await withPool(connection) { pool in
                let rows = try await ParkedOutboxRows(schema: schema, pool: pool).list(limit: limit)
                let formatter = ISO8601DateFormatter()
                for row in rows {
                    print("\(row.id)\t\(row.eventType)\t\(row.topic)\tkey=\(row.partitionKey)\t\(row.payloadBytes) bytes\t"
                        + "attempts=\(row.attempts)\tparked=\(formatter.string(from: row.parkedAt))\t\(row.lastError)")
                }
                print("\(rows.count) parked row(s) in \(schema).outbox")
            }
        }
    }

    struct Requeue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put parked rows back in the queue (attempts reset); the relay sends them next.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The service's schema, e.g. goals.")
        var schema: String

        @Option(name: .customLong("id"), help: "A parked row's id (repeatable).")
        var ids: [Int64] = []

        @Flag(help: "Re-queue every parked row.")
        var all = false

        func validate() throws {
            guard all != !ids.isEmpty else { throw ValidationError("Name the rows with --id, or pass --all (not both).") }
        }

        func run() async throws {
            try await withPool(connection) { pool in
                let count = try await ParkedOutboxRows(schema: schema, pool: pool).requeue(ids: all ? nil : ids)
                print("re-queued \(count) row(s) of \(schema).outbox")
            }
        }
    }
}

/// Runs `body` with a small pool on the CLI's database, closing it afterwards.
private func withPool(_ connection: ConnectionOptions, _ body: (PostgresPool) async throws -> Void) async throws {
    let pool = PostgresPool(
        configuration: try PostgresConfiguration(url: try connection.databaseURL()), maxConnections: 1,
        logger: connection.logger("stride.outbox"))
    do {
        try await body(pool)
    } catch {
        await pool.close()
        throw error
    }
    await pool.close()
}
