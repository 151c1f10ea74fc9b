import Logging
import StrideContracts

/// The output directory of an export: its payroll files, its checkpoint, and what they say has
/// been written. Each line id is written once, whatever is delivered twice and whenever the
/// process dies.
///
/// A batch is committed in this order: its new lines are appended to their files, the files are
/// fsynced, then the checkpoint (offsets read, each file's length) is replaced atomically. Opening
/// the directory undoes whatever a batch did before its checkpoint was durable (see
/// ``open(directory:topic:logger:)``), so after a crash at any moment the files hold exactly the
/// lines of the committed batches, and reading resumes after the last of them.
///
/// - Important: One ledger per directory at a time (opening takes a lock), and after an append
///   throws, the ledger must not be used again: open the directory anew, which recovers it.
struct PayrollLedger {
    /// The output directory.
    let directory: String
    /// What is durably done: offsets and committed file lengths.
    private(set) var checkpoint: PayrollCheckpoint
    /// Every line id the committed files hold.
    private(set) var lineIDs: PayrollLineIDs
    /// Per committed file, its lines and amounts.
    private(set) var files: [String: PayrollExportSummary.FileTotals]
    /// Set while a batch is being written, and left set when writing it failed.
    private var isBroken = false
    /// The directory's lock; `nil` once closed.
    private var lock: DurableFile?
    let logger: Logger

    init(
        directory: String, checkpoint: PayrollCheckpoint, lineIDs: PayrollLineIDs,
        files: [String: PayrollExportSummary.FileTotals], lock: DurableFile, logger: Logger
    ) {
        self.directory = directory
        self.checkpoint = checkpoint
        self.lineIDs = lineIDs
        self.files = files
        self.lock = lock
        self.logger = logger
    }

    /// What one append did.
    struct Appended: Equatable {
        /// Lines written.
        var lines = 0
        /// Lines skipped because their id was already written (or came twice in the batch).
        var duplicates = 0
    }

    /// Writes the lines not yet written and records `offsets` as read, as one committed batch.
    ///
    /// Lines whose id the files already hold, or that appear earlier in `lines`, are skipped
    /// (redeliveries). A batch with nothing new still records its offsets.
    /// - Parameters:
    ///   - lines: the batch's lines, in the order read.
    ///   - offsets: per partition, the next offset to read after this batch.
    /// - Throws: ``PayrollExportError`` `io`, or `inconsistentOutput` when a file is not the length
    ///   this ledger wrote (another program writing to it); then the batch is not committed and the
    ///   ledger must not be used again.
    mutating func append(_ lines: [PayrollLine], advancingTo offsets: [Int32: Int64]) throws -> Appended {
        try append(PayrollBatch(lines), advancingTo: offsets)
    }

    /// ``append(_:advancingTo:)`` of lines already rendered (what the export decodes records into).
    mutating func append(_ batch: PayrollBatch, advancingTo offsets: [Int32: Int64]) throws -> Appended {
        precondition(!isBroken, "a payroll ledger was used after an append failed; open the directory again")
        isBroken = true
        // The ids go in now, once each: if the append fails, the ledger is not used again.
        var result = Appended()
        var fresh: [Int] = []
        fresh.reserveCapacity(batch.entries.count)
        lineIDs.reserveCapacity(batch.entries.count)
        for (index, entry) in batch.entries.enumerated() {
            if lineIDs.insert(entry.id) {
                fresh.append(index)
            } else {
                result.duplicates += 1
            }
        }
        var next = checkpoint
        next.offsets.merge(offsets) { max($0, $1) }
        if fresh.isEmpty {
            if next != checkpoint {
                try next.save(to: directory)
                checkpoint = next
            }
            isBroken = false
            return result
        }
        let groups = Self.groupedByFile(batch, lines: fresh)
        next.files = try write(batch, groups: groups, committed: checkpoint.files)
        PayrollFailpoint.afterWriteBeforeCheckpoint.hit(batchLines: fresh.count)
        try next.save(to: directory)
        checkpoint = next
        isBroken = false
        for group in groups {
            files[group.name, default: .init()].add(group.lines.lazy.map { batch.entries[$0] })
        }
        result.lines = fresh.count
        return result
    }

    /// The lines of one file, by index into the batch, in the order read.
    private struct FileGroup {
        var name: String
        var lines: [Int]
    }

    /// The batch's lines at `lines` grouped by file, files in the order their first line was read
    /// (a file name is made once per effective date, not once per line).
    private static func groupedByFile(_ batch: PayrollBatch, lines: [Int]) -> [FileGroup] {
        var groups: [FileGroup] = []
        var groupOfDate: [CalendarDate: Int] = [:]
        // Lines of one date come in runs: the last run's group is checked first.
        var last: (date: CalendarDate, group: Int)?
        for index in lines {
            let date = batch.entries[index].effectiveDate
            if let last, last.date == date {
                groups[last.group].lines.append(index)
            } else if let group = groupOfDate[date] {
                groups[group].lines.append(index)
                last = (date, group)
            } else {
                last = (date, groups.count)
                groupOfDate[date] = groups.count
                groups.append(FileGroup(name: PayrollFileName.forEffectiveDate(date), lines: [index]))
            }
        }
        return groups
    }

    /// Appends the grouped lines to their files (a new file starts with the header), fsyncs each
    /// file and, when a file was created, the directory. Each file gets one `write` of its whole
    /// share of the batch (two around the mid-batch failpoint).
    /// - Returns: `committed` with the new length of every file written.
    private func write(_ batch: PayrollBatch, groups: [FileGroup], committed: [String: Int64]) throws -> [String: Int64] {
        var lengths = committed
        let half = groups.reduce(0) { $0 + $1.lines.count } / 2
        var written = 0
        var pending: [UInt8] = []
        for group in groups {
            let name = group.name
            let start = committed[name] ?? 0
            let file = try DurableFile.openForAppending(path(name))
            defer { file.close() }
            pending.removeAll(keepingCapacity: true)
            pending.reserveCapacity(group.lines.reduce(0) { $0 + batch.entries[$1].bytes.count } + PayrollCSV.header.utf8.count)
            if start == 0 { pending.append(contentsOf: PayrollCSV.header.utf8) }
            var bytes = 0
            batch.csv.withUnsafeBufferPointer { csv in
                for index in group.lines {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: csv[batch.entries[index].bytes]))
                }
            }
            if PayrollFailpoint.midBatch.isArmed {
                // Write the file's share of the batch in two, and die between them when the
                // batch's middle line falls in this file.
                let cut = group.lines.prefix(max(0, half - written)).reduce(0) { $0 + batch.entries[$1].bytes.count }
                    + (start == 0 ? PayrollCSV.header.utf8.count : 0)
                if half - written > 0, half - written <= group.lines.count {
                    try file.write(Array(pending[..<cut]))
                    bytes += cut
                    pending.removeSubrange(..<cut)
                    PayrollFailpoint.midBatch.hit(batchLines: groups.reduce(0) { $0 + $1.lines.count })
                }
            }
            written += group.lines.count
            try file.write(pending)
            bytes += pending.count
            try file.sync()
            let length = try file.length()
            guard length == start + Int64(bytes) else {
                throw PayrollExportError(
                    .inconsistentOutput,
                    message: "\(path(name)) is \(length) bytes after appending \(bytes) to \(start): is another program writing to it?")
            }
            lengths[name] = length
        }
        if groups.contains(where: { committed[$0.name] == nil }) { try DurableFile.syncDirectory(directory) }
        return lengths
    }

    /// The path of `name` in the directory.
    func path(_ name: String) -> String { directory + "/" + name }

    /// Releases the directory's lock. Idempotent.
    mutating func close() {
        lock?.close()
        lock = nil
    }
}
