import CLibPQ
import Foundation

/// libpq used directly, with no Stride code in between: the ceiling the wrapper's figures are
/// divided by. Blocks the calling (dedicated) thread by design.
package enum RawPostgresCeiling {
    /// The rows both the raw and the wrapped runs load: (id, name, amount).
    package static func row(_ index: Int) -> (Int64, String, String) {
        (Int64(index), "employee-\(index)", "\(index % 100_000).50")
    }

    /// Loads `count` rows with `COPY … FROM STDIN` (text format) in one statement.
    /// - Returns: rows per second.
    package static func copy(url: String, table: String, count: Int) throws -> Double {
        try copy(url: url, statement: "COPY \(table) (id, name, amount) FROM STDIN", count: count) { index, chunk in
            let (id, name, amount) = row(index)
            chunk += "\(id)\t\(name)\t\(amount)\n"
        }
    }

    /// Inserts `count` rows, `batch` at a time, each batch one `INSERT … SELECT unnest($1, $2, $3)`
    /// whose array parameters are built by hand.
    /// - Returns: rows per second.
    package static func batchedInsert(url: String, table: String, count: Int, batch: Int) throws -> Double {
        try withConnection(url) { connection in
            let sql = "INSERT INTO \(table) (id, name, amount) SELECT * FROM unnest($1::bigint[], $2::text[], $3::numeric[])"
            let clock = ContinuousClock()
            let start = clock.now
            var first = 0
            while first < count {
                let rows = (first..<min(first + batch, count)).map(row)
                let ids = "{" + rows.map { String($0.0) }.joined(separator: ",") + "}"
                let names = "{" + rows.map(\.1).joined(separator: ",") + "}"
                let amounts = "{" + rows.map(\.2).joined(separator: ",") + "}"
                let result = ids.withCString { p1 in
                    names.withCString { p2 in
                        amounts.withCString { p3 in
                            let values: [UnsafePointer<CChar>?] = [p1, p2, p3]
                            return PQexecParams(connection, sql, 3, nil, values, nil, nil, 0)
                        }
                    }
                }
                try check(connection, result, expect: PGRES_COMMAND_OK)
                first += batch
            }
            return Double(count) / (clock.now - start).seconds
        }
    }

    /// Runs one single-row `INSERT` per statement, `count` times: the ceiling for request-at-a-time writes.
    /// - Returns: statements per second.
    package static func singleRowInserts(url: String, table: String, count: Int) throws -> Double {
        try withConnection(url) { connection in
            let sql = "INSERT INTO \(table) (id, name, amount) VALUES ($1, $2, $3)"
            let clock = ContinuousClock()
            let start = clock.now
            for index in 0..<count {
                let (id, name, amount) = row(index)
                let result = String(id).withCString { p1 in
                    name.withCString { p2 in
                        amount.withCString { p3 in
                            let values: [UnsafePointer<CChar>?] = [p1, p2, p3]
                            return PQexecParams(connection, sql, 3, nil, values, nil, nil, 0)
                        }
                    }
                }
                try check(connection, result, expect: PGRES_COMMAND_OK)
            }
            return Double(count) / (clock.now - start).seconds
        }
    }

    /// Runs `SELECT 1` `count` times: the round-trip ceiling a wrapper's per-call overhead shows against.
    /// - Returns: round trips per second.
    package static func roundTrips(url: String, count: Int) throws -> Double {
        try withConnection(url) { connection in
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<count {
                try check(connection, PQexecParams(connection, "SELECT 1", 0, nil, nil, nil, nil, 0), expect: PGRES_TUPLES_OK)
            }
            return Double(count) / (clock.now - start).seconds
        }
    }

    package static func withConnection<T>(_ url: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let connection = PQconnectdb(url) else { throw BenchError("raw libpq: out of memory") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw BenchError("raw libpq connect: \(String(cString: PQerrorMessage(connection)))")
        }
        return try body(connection)
    }

    package static func check(_ connection: OpaquePointer, _ result: OpaquePointer?, expect: ExecStatusType) throws {
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == expect else {
            throw BenchError("raw libpq: \(String(cString: PQerrorMessage(connection)))")
        }
    }
}
