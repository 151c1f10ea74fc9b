import CLibPQ

extension LibPQ {
    /// Size of each `PQputCopyData` chunk.
    static let copyChunkSize = 64 * 1024

    /// Runs `COPY … FROM STDIN` (text format) and streams `rows` in 64 KiB chunks.
    /// - Returns: the number of rows the server copied.
    /// - Throws: ``PostgresError/Code/copy`` with the server's text (for example a constraint
    ///   violation, which rolls back the whole COPY), `.connection` when the connection broke.
    static func copyIn(_ connection: OpaquePointer, statement: String, rows: [[(any PostgresEncodable)?]]) throws -> Int {
        guard let start = PQexec(connection, statement) else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
                throw PostgresError(code: .copy, message: "copyIn needs a COPY … FROM STDIN statement")
            }
            throw error(from: start, on: connection, code: .copy)
        }
        PQclear(start)

        var buffer = [UInt8]()
        buffer.reserveCapacity(copyChunkSize + 4096)
        do {
            for row in rows {
                for (index, field) in row.enumerated() {
                    if index > 0 { buffer.append(9) }
                    if let field, let text = try field.postgresText {
                        appendEscaped(text, to: &buffer)
                    } else {
                        buffer.append(UInt8(ascii: "\\"))
                        buffer.append(UInt8(ascii: "N"))
                    }
                }
                buffer.append(10)
                if buffer.count >= copyChunkSize {
                    try send(buffer, on: connection)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty { try send(buffer, on: connection) }
        } catch {
            PQputCopyEnd(connection, "client could not encode a row")
            drainResults(connection)
            throw (error as? PostgresError) ?? PostgresError(code: .copy, message: "a COPY row could not be encoded: \(error)")
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        var outcome: Result<Int, PostgresError> = .failure(PostgresError(code: .copy, message: "COPY returned no result"))
        while let result = PQgetResult(connection) {
            if case .failure = outcome {
                outcome = PQresultStatus(result) == PGRES_COMMAND_OK
                    ? .success(Int(String(cString: PQcmdTuples(result))) ?? 0)
                    : .failure(error(from: result, on: connection, code: .copy))
            }
            PQclear(result)
        }
        return try outcome.get()
    }

    private static func send(_ buffer: [UInt8], on connection: OpaquePointer) throws {
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw PostgresError(code: .connection, message: errorMessage(connection)) }
    }

    /// COPY text format: backslash, tab, newline and carriage return are backslash-escaped, so
    /// no value can end a field, a row or the data (`\.`).
    static func appendEscaped(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Copy runs of ordinary bytes at once; only the four special bytes are escaped.
            var runStart = 0
            for index in bytes.indices {
                let escape: UInt8
                switch bytes[index] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case 9: escape = UInt8(ascii: "t")
                case 10: escape = UInt8(ascii: "n")
                case 13: escape = UInt8(ascii: "r")
                default: continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(escape)
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
