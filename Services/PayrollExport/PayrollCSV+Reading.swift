extension PayrollCSV {
    /// A file that is not valid RFC 4180 CSV.
    public struct MalformedCSV: Error, CustomStringConvertible, Sendable, Equatable {
        /// The 1-based line the problem was found on (for an unterminated quote, where it opened).
        public var line: Int
        /// What is wrong.
        public var reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// The records of RFC 4180 CSV text, each a list of fields, quotes removed. Records end in
    /// CRLF or LF; the last one may lack its line end. An empty text has no records.
    ///
    /// An export reads its own files with this when it starts, to learn which lines they hold.
    /// - Parameter bytes: UTF-8 CSV text.
    /// - Throws: ``MalformedCSV`` for a quote inside an unquoted field, text after a closing quote,
    ///   or a quoted field that never ends.
    public static func records(in bytes: [UInt8]) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var index = 0
        var quoted = false
        var quoteLine = 1
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    quoted = false
                    let next = index + 1 < bytes.count ? bytes[index + 1] : lf
                    guard next == comma || next == cr || next == lf else {
                        throw MalformedCSV(line: line, reason: "text after the closing quote of a field")
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote {
                guard field.isEmpty else { throw MalformedCSV(line: line, reason: "a quote inside an unquoted field") }
                quoted = true
                quoteLine = line
            } else if byte == comma {
                endField()
            } else if byte == lf || (byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf) {
                endField()
                records.append(fields)
                fields.removeAll(keepingCapacity: true)
                index += byte == cr ? 2 : 1
                line += 1
                continue
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard !quoted else { throw MalformedCSV(line: quoteLine, reason: "a quoted field does not end") }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(fields)
        }
        return records
    }
}
