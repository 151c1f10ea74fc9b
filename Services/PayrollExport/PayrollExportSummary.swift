import Foundation

/// What an export did, and what its output directory holds: the control totals a payroll team
/// checks before it pays.
public struct PayrollExportSummary: Sendable, Equatable {
    /// One payroll file's totals.
    public struct FileTotals: Sendable, Equatable {
        /// The lines the file holds (all runs).
        public var lines = 0
        /// The lines this run appended.
        public var linesAppended = 0
        /// Per currency, the sum of the amounts of all its lines (reversals count negative).
        public var amounts: [String: Decimal] = [:]

        /// Creates totals.
        public init(lines: Int = 0, linesAppended: Int = 0, amounts: [String: Decimal] = [:]) {
            self.lines = lines
            self.linesAppended = linesAppended
            self.amounts = amounts
        }

        /// Counts `amount` as one more line in `currency`.
        mutating func add(_ amount: Decimal, currency: String, appended: Bool) {
            lines += 1
            if appended { linesAppended += 1 }
            amounts[currency, default: 0] += amount
        }

        /// Counts `entries` as lines appended now. Amounts given as exact integer units are summed
        /// as integers per currency and scale, and added as one `Decimal` each (per-line `Decimal`
        /// additions cost more than writing the line); the others, and sums that would overflow,
        /// one by one.
        mutating func add(_ entries: some Sequence<PayrollBatch.Entry>) {
            var sums: [(currency: String, fractionDigits: Int, units: Int64)] = []
            for entry in entries {
                lines += 1
                linesAppended += 1
                if case .exact(let units, let fractionDigits) = entry.amount {
                    if let index = sums.firstIndex(where: { $0.fractionDigits == fractionDigits && $0.currency == entry.currency }) {
                        let (sum, overflow) = sums[index].units.addingReportingOverflow(units)
                        if !overflow {
                            sums[index].units = sum
                            continue
                        }
                    } else {
                        sums.append((entry.currency, fractionDigits, units))
                        continue
                    }
                }
                amounts[entry.currency, default: 0] += entry.amount.value
            }
            for sum in sums {
                let magnitude = Decimal(sum.units.magnitude)
                amounts[sum.currency, default: 0] += Decimal(
                    sign: sum.units < 0 ? .minus : .plus, exponent: -sum.fractionDigits, significand: magnitude)
            }
        }
    }

    /// A record that was skipped because it could not be decoded (`--skip-undecodable`).
    public struct SkippedRecord: Sendable, Equatable {
        /// Where it is on the topic.
        public var position: PayrollExportError.RecordPosition
        /// Why it could not be decoded.
        public var reason: String
    }

    /// The topic read.
    public var topic: String
    /// The output directory.
    public var directory: String
    /// Per file name (`payroll-YYYY-MM-DD.csv`), every payroll file of the directory.
    public var files: [String: FileTotals] = [:]
    /// The records read from the topic by this run.
    public var recordsRead = 0
    /// Records whose line was already written (a redelivery): skipped.
    public var duplicatesSkipped = 0
    /// Per `ce_type`, records of other event types: skipped.
    public var unknownTypesSkipped: [String: Int] = [:]
    /// Records that could not be decoded and were skipped as asked.
    public var undecodableSkipped: [SkippedRecord] = []
    /// Per partition, records deleted by the topic's retention before this export read them
    /// (the checkpointed offset was below the partition's first record). Any of them may have
    /// been a payment: reconcile with the producer.
    public var recordsLostToRetention: [Int32: Int64] = [:]

    /// From the first record received to the last batch committed: how long reading and writing
    /// took, without connecting and without recovery; `nil` when no record was read.
    public var readingTime: Duration?

    /// Whether the export read every record the topic held when it started (never, following;
    /// not when it was cancelled first).
    public var finished = false

    /// Creates an empty summary.
    public init(topic: String, directory: String) {
        self.topic = topic
        self.directory = directory
    }

    /// The lines all files hold.
    public var totalLines: Int { files.values.reduce(0) { $0 + $1.lines } }
    /// The lines this run appended.
    public var linesAppended: Int { files.values.reduce(0) { $0 + $1.linesAppended } }
    /// The records of other event types skipped.
    public var unknownTypesSkippedCount: Int { unknownTypesSkipped.values.reduce(0, +) }
    /// Per currency, the sum over all files.
    public var totalAmounts: [String: Decimal] {
        files.values.reduce(into: [:]) { totals, file in
            for (currency, amount) in file.amounts { totals[currency, default: 0] += amount }
        }
    }
}
