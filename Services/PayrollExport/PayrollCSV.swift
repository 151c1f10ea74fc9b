import Foundation
import StrideContracts

/// The payroll file format: RFC 4180 CSV, a header line then one line per ``PayrollLine``.
///
/// Lines end in CRLF. A field containing a comma, a double quote, CR or LF is enclosed in double
/// quotes, with its double quotes doubled; other fields are written as they are. Money is exact
/// decimal text (``StrideContracts/Money/amountText``), never a binary float.
public enum PayrollCSV {
    /// The columns, in order.
    public static let columns = [
        "line_id", "line_kind", "change_id", "employee_id", "kind", "effective_date", "amount", "currency",
        "new_base_salary", "cycle_id", "recommendation_id",
    ]

    /// The header line, CRLF included.
    public static let header = record(columns)

    /// The fields of `line`, in ``columns`` order; an absent value is an empty field.
    /// - Parameter line: the line.
    public static func fields(of line: PayrollLine) -> [String] {
        [
            line.lineID, line.lineKind.rawValue, line.changeID, line.employeeID, line.kind.rawValue,
            line.effectiveDate.description, line.amount.amountText, line.amount.currency,
            line.newBaseSalary?.amountText ?? "", line.cycleID, line.recommendationID ?? "",
        ]
    }

    /// `line` as a CSV line, CRLF included.
    /// - Parameter line: the line.
    public static func line(_ line: PayrollLine) -> String {
        var bytes: [UInt8] = []
        append(line, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `line` as a CSV line, CRLF included, to `bytes`: the same bytes as ``line(_:)``,
    /// without building the fields as strings first (the export writes every line this way).
    /// - Parameters:
    ///   - line: the line.
    ///   - bytes: the buffer to append to.
    static func append(_ line: PayrollLine, to bytes: inout [UInt8]) {
        appendEscaped(line.lineID, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.lineKind.rawValue, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.changeID, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.employeeID, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.kind.rawValue, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.effectiveDate.description, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.amount.amountText, to: &bytes)
        bytes.append(comma)
        appendEscaped(line.amount.currency, to: &bytes)
        bytes.append(comma)
        if let salary = line.newBaseSalary { appendEscaped(salary.amountText, to: &bytes) }
        bytes.append(comma)
        appendEscaped(line.cycleID, to: &bytes)
        bytes.append(comma)
        if let recommendationID = line.recommendationID { appendEscaped(recommendationID, to: &bytes) }
        bytes.append(cr)
        bytes.append(lf)
    }

    /// Appends ``escaped(_:)`` of `field` to `bytes`.
    private static func appendEscaped(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == comma || $0 == quote || $0 == cr || $0 == lf }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(quote)
        for byte in utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }

    /// `fields` as one CSV record, each escaped, CRLF included.
    /// - Parameter fields: the field values.
    public static func record(_ fields: [String]) -> String {
        fields.map(escaped).joined(separator: ",") + "\r\n"
    }

    /// `field` as RFC 4180 writes it: quoted, with its quotes doubled, when it contains a comma, a
    /// double quote, CR or LF; unchanged otherwise.
    /// - Parameter field: the value.
    public static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == comma || $0 == quote || $0 == cr || $0 == lf }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
}
