import Foundation
import StrideContracts

/// Lines decoded from a run of records, already rendered as CSV: what ``PayrollLedger`` writes.
///
/// Rendering happens where records are decoded, so the ledger only skips ids already written,
/// groups lines by file and copies bytes. All lines share one buffer.
struct PayrollBatch: Sendable {
    /// One line: where its CSV text is in ``csv`` and what the ledger keeps of it.
    struct Entry: Sendable {
        /// The idempotency key.
        var id: PayrollLineID
        /// Names the file the line goes to.
        var effectiveDate: CalendarDate
        /// The signed amount (negative for a reversal), for the file's totals.
        var amount: Amount
        /// The amount's currency.
        var currency: String
        /// The line's bytes in ``PayrollBatch/csv``, CRLF included.
        var bytes: Range<Int>
    }

    /// An amount as the decoding had it.
    enum Amount: Sendable, Equatable {
        /// `units` × 10^-`fractionDigits` (the fast path): summed as integers.
        case exact(units: Int64, fractionDigits: Int)
        /// Any amount.
        case decimal(Decimal)

        /// The value.
        var value: Decimal {
            switch self {
            case .exact(let units, let fractionDigits):
                Decimal(sign: units < 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(units.magnitude))
            case .decimal(let value): value
            }
        }
    }

    /// The lines, in the order read.
    private(set) var entries: [Entry] = []
    /// Every line's CSV text, one after the other.
    private(set) var csv: [UInt8] = []

    init() {}

    /// A batch of `lines`, rendered with ``PayrollCSV``.
    init(_ lines: [PayrollLine]) {
        for line in lines { append(line) }
    }

    /// Whether there is no line.
    var isEmpty: Bool { entries.isEmpty }

    /// Makes room for `count` lines of about `bytesPerLine` bytes each.
    mutating func reserveCapacity(_ count: Int, bytesPerLine: Int = 192) {
        entries.reserveCapacity(count)
        csv.reserveCapacity(count * bytesPerLine)
    }

    /// Adds `line`, rendered by ``PayrollCSV/append(_:to:)``.
    mutating func append(_ line: PayrollLine) {
        let start = csv.count
        PayrollCSV.append(line, to: &csv)
        entries.append(Entry(
            id: PayrollLineID(line.lineID), effectiveDate: line.effectiveDate, amount: .decimal(line.amount.amount),
            currency: line.amount.currency, bytes: start..<csv.count))
    }

    /// Adds a line whose CSV text `render` appends to the buffer; `render` returns what the ledger
    /// keeps of it, or `nil` to take back whatever it appended (the line is not added).
    mutating func appendRendered(
        _ render: (inout [UInt8]) -> (id: PayrollLineID, effectiveDate: CalendarDate, amount: Amount, currency: String)?
    ) -> Bool {
        let start = csv.count
        guard let line = render(&csv) else {
            csv.removeSubrange(start...)
            return false
        }
        entries.append(Entry(
            id: line.id, effectiveDate: line.effectiveDate, amount: line.amount, currency: line.currency, bytes: start..<csv.count))
        return true
    }
}
