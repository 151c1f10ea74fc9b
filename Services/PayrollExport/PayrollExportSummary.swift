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
