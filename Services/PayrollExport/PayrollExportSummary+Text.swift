import Foundation
import StrideContracts

extension PayrollExportSummary {
    /// The summary as an operator reads it: one line per file, then the totals and what was skipped.
    ///
    /// ```
    /// payroll-2026-04-01.csv: 120 line(s), 20 appended now; EUR 181234.50, USD 1200.00
    /// total: 300 line(s) in 3 file(s), 50 appended now; EUR 402000.00, USD 1200.00
    /// read 52 record(s) from stride.payroll.v1; skipped 2 duplicate(s), 0 of unknown type(s), 0 undecodable
    /// ```
    public var lines: [String] {
        var lines = files.sorted { $0.key < $1.key }.map { name, file in
            "\(name): \(file.lines) line(s), \(file.linesAppended) appended now; \(Self.text(file.amounts))"
        }
        lines.append(
            "total: \(totalLines) line(s) in \(files.count) file(s), \(linesAppended) appended now; \(Self.text(totalAmounts))")
        let unknown = unknownTypesSkipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        lines.append(
            "read \(recordsRead) record(s) from \(topic); skipped \(duplicatesSkipped) duplicate(s), "
                + "\(unknownTypesSkippedCount) of unknown type(s)\(unknown.isEmpty ? "" : " (\(unknown.joined(separator: ", ")))"), "
                + "\(undecodableSkipped.count) undecodable"
                + (readingTime.map { "; \(Self.seconds($0)) s from the first record to the last line written" } ?? ""))
        for skipped in undecodableSkipped {
            lines.append("skipped undecodable record \(skipped.position): \(skipped.reason)")
        }
        for (partition, count) in recordsLostToRetention.sorted(by: { $0.key < $1.key }) {
            lines.append("WARNING: \(topic)[\(partition)]: \(count) record(s) were deleted by retention before this export read them")
        }
        return lines
    }

    /// `1.234`: seconds with milliseconds.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000)"
    }

    /// `EUR 1234.50, USD 10.00`, or `no amounts`.
    private static func text(_ amounts: [String: Decimal]) -> String {
        guard !amounts.isEmpty else { return "no amounts" }
        return amounts.sorted { $0.key < $1.key }
            .map { "\($0.key) \(Money(amount: $0.value, currency: $0.key).amountText)" }
            .joined(separator: ", ")
    }
}
