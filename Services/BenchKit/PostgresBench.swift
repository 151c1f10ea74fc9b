import Foundation
import Logging
import StridePostgres

/// COPY and batched INSERT through StridePostgres against raw libpq on the same database.
package struct PostgresBench {
    package let url: String
    package let rows: Int
    package let logger: Logger

    package func run(into report: inout BenchReport) async throws {
        let schema = "stride_bench_\(UUID().uuidString.prefix(8).lowercased())"
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 2, logger: logger)
        try await pool.execute("CREATE SCHEMA \(unescaped: schema)")
        for table in ["raw_copy", "wrapped_copy", "raw_insert", "wrapped_insert"] {
            try await pool.execute("CREATE UNLOGGED TABLE \(unescaped: schema).\(unescaped: table) (id bigint, name text, amount numeric)")
        }
        do {
            try await measure(schema: schema, pool: pool, into: &report)
        } catch {
            try? await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
            await pool.close()
            throw error
        }
        try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        await pool.close()
    }

    private func measure(schema: String, pool: PostgresPool, into report: inout BenchReport) async throws {
        let url = self.url
        let count = rows
        let rawCopy = try await onDedicatedThread { try RawPostgresCeiling.copy(url: url, table: "\(schema).raw_copy", count: count) }
        let wrappedCopy = try await pool.withConnection { connection in
            let clock = ContinuousClock()
            let start = clock.now
            // The typed row encoder: each field written straight into the COPY buffer.
            _ = try await connection.copyIn("COPY \(schema).wrapped_copy (id, name, amount) FROM STDIN", rows: 0..<count) { index, row in
                let (id, name, amount) = RawPostgresCeiling.row(index)  // the same text the raw run sends
                try row.encode(id)
                try row.encode(name)
                try row.encode(amount)
            }
            return Double(count) / (clock.now - start).seconds
        }
        report.add("PostgreSQL COPY (3 columns)", wrappedCopy, "rows/s", ceiling: rawCopy, ceilingName: "raw libpq", target: ">= 80%")

        let batch = 1_000
        let rawInsert = try await onDedicatedThread {
            try RawPostgresCeiling.batchedInsert(url: url, table: "\(schema).raw_insert", count: count, batch: batch)
        }
        let wrappedInsert = try await pool.withConnection { connection in
            let clock = ContinuousClock()
            let start = clock.now
            var first = 0
            while first < count {
                // The typed row encoder: each field written straight into its column's array literal.
                let columns = try PostgresArrayColumns(columns: 3, rows: first..<min(first + batch, count)) { index, row in
                    let (id, name, amount) = RawPostgresCeiling.row(index)
                    try row.encode(id)
                    try row.encode(name)
                    try row.encode(amount)
                }
                try await connection.execute("""
                    INSERT INTO \(unescaped: schema).wrapped_insert (id, name, amount)
                    SELECT * FROM unnest(\(columns[0])::bigint[], \(columns[1])::text[], \(columns[2])::numeric[])
                    """)
                first += batch
            }
            return Double(count) / (clock.now - start).seconds
        }
        report.add("PostgreSQL batched INSERT (1,000 rows/stmt)", wrappedInsert, "rows/s",
                   ceiling: rawInsert, ceilingName: "raw libpq", target: ">= 80%")

        // Every wrapped call hops to the pool's own threads (libpq blocks); this shows what that costs.
        let trips = 20_000
        let rawTrips = try await onDedicatedThread { try RawPostgresCeiling.roundTrips(url: url, count: trips) }
        let wrappedTrips = try await pool.withConnection { connection in
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<trips { _ = try await connection.query("SELECT 1") }
            return Double(trips) / (clock.now - start).seconds
        }
        report.add("PostgreSQL SELECT 1 round trips (thread hop)", wrappedTrips, "calls/s",
                   ceiling: rawTrips, ceilingName: "raw libpq")
    }
}
