/// Reads RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes) and
/// remembers the line each record starts on, so an import can say which line of the HRIS
/// export is wrong.
package struct CSVReader {
    /// One record: its fields and the 1-based line it starts on.
    package struct Record: Equatable {
        package var line: Int
        package var fields: [String]
    }

    /// A structural error (an unterminated quote) that makes the rest of the file unreadable.
    package struct SyntaxError: Error, Equatable, CustomStringConvertible {
        package var line: Int
        package var description: String { "line \(line): a quoted field is never closed" }
    }

    /// Splits `text` into records; blank lines are skipped.
    package static func records(in text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteOpenedOn = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                quoteOpenedOn = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw SyntaxError(line: quoteOpenedOn) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
