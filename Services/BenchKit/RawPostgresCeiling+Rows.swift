import CLibPQ
import Foundation

/// Raw libpq ceilings for rows of any shape: the goals benchmarks' progress rows and outbox rows.
extension RawPostgresCeiling {
    /// Runs `count` single-row statements, one round trip and one commit (autocommit) each, over
    /// `connections` connections with a thread each; statement `index` goes to connection
    /// `index % connections`. Every connection is open before the clock starts.
    /// - Parameter parameters: statement `index`'s parameters, in text format.
    /// - Returns: statements per second.
    package static func concurrentStatements(
        url: String, sql: String, count: Int, connections: Int, parameters: @escaping @Sendable (Int) -> [String]
    ) async throws -> Double {
        try await concurrent(url: url, count: count, connections: connections) { index, connection in
            try statement(sql, parameters(index), on: connection)
        }
    }

    /// Runs `count` transactions of `statements` over `connections` connections as
    /// ``concurrentStatements(url:sql:count:connections:parameters:)`` runs single statements:
    /// `BEGIN`, each statement in turn (one round trip each, unprepared), `COMMIT`. What a
    /// service's write costs the database alone, with no service around it.
    /// - Parameter parameters: transaction `index`'s parameters for each statement, in text format.
    /// - Returns: transactions per second.
    package static func concurrentTransactions(
        url: String, statements: [String], count: Int, connections: Int, parameters: @escaping @Sendable (Int) -> [[String]]
    ) async throws -> Double {
        try await concurrent(url: url, count: count, connections: connections) { index, connection in
            try statement("BEGIN", [], on: connection)
            for (sql, values) in zip(statements, parameters(index)) { try statement(sql, values, on: connection) }
            try statement("COMMIT", [], on: connection)
        }
    }

    /// Runs `work` for indexes `0..<count` over `connections` connections with a thread each;
    /// index `i` goes to connection `i % connections`. Every connection is open before the clock
    /// starts. Returns indexes per second.
    private static func concurrent(
        url: String, count: Int, connections: Int, _ work: @escaping @Sendable (Int, OpaquePointer) throws -> Void
    ) async throws -> Double {
        let start = ContinuousClock.now + .milliseconds(300)
        let ends = try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
            for lane in 0..<connections {
                group.addTask {
                    try await onDedicatedThread {
                        try withConnection(url) { connection in
                            let wait = start - ContinuousClock.now
                            if wait > .zero { Thread.sleep(forTimeInterval: wait.seconds) }
                            for index in stride(from: lane, to: count, by: connections) {
                                try work(index, connection)
                            }
                            return ContinuousClock.now
                        }
                    }
                }
            }
            return try await group.reduce(into: [ContinuousClock.Instant]()) { $0.append($1) }
        }
        return Double(count) / ((ends.max() ?? start) - start).seconds
    }

    /// Loads `count` rows with one `COPY … FROM STDIN` (text format) in 64 KiB sends.
    /// - Parameters:
    ///   - statement: the `COPY … FROM STDIN` statement.
    ///   - line: appends row `index`, COPY-escaped and ending in a newline, to the buffer.
    /// - Returns: rows per second.
    package static func copy(url: String, statement: String, count: Int, line: (Int, inout String) -> Void) throws -> Double {
        try withConnection(url) { connection in
            let clock = ContinuousClock()
            let start = clock.now
            try check(connection, PQexec(connection, statement), expect: PGRES_COPY_IN)
            var chunk = ""
            chunk.reserveCapacity(80_000)
            for index in 0..<count {
                line(index, &chunk)
                if chunk.utf8.count >= 65_536 || index == count - 1 {
                    let sent = chunk.withCString { PQputCopyData(connection, $0, Int32(strlen($0))) }
                    guard sent == 1 else { throw BenchError("raw COPY: \(String(cString: PQerrorMessage(connection)))") }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            guard PQputCopyEnd(connection, nil) == 1 else { throw BenchError("raw COPY end failed") }
            try check(connection, PQgetResult(connection), expect: PGRES_COMMAND_OK)
            while let extra = PQgetResult(connection) { PQclear(extra) }
            return Double(count) / (clock.now - start).seconds
        }
    }

    /// `text` escaped for a field of `COPY … FROM STDIN` in text format.
    package static func copyEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// One statement with text parameters; rows, if any, are read and dropped.
    private static func statement(_ sql: String, _ parameters: [String], on connection: OpaquePointer) throws {
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let values = copies.map { $0.map { UnsafePointer($0) } }
        let result = PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
        try check(connection, result, expect: PQresultStatus(result) == PGRES_TUPLES_OK ? PGRES_TUPLES_OK : PGRES_COMMAND_OK)
    }
}
