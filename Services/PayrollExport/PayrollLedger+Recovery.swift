import Foundation
import Logging
import StrideContracts

extension PayrollLedger {
    /// Opens (creating) an export's output directory and brings it back to its checkpoint.
    ///
    /// Every payroll file is cut to its committed length and every payroll file the checkpoint
    /// does not know is deleted: those bytes belong to a batch whose checkpoint was never written,
    /// and the batch will be read again from the checkpointed offsets. Then the committed files are
    /// read to learn every line id already written, so redeliveries are skipped. Files that are not
    /// payroll files (`payroll-*.csv`) are left alone.
    /// - Parameters:
    ///   - directory: the output directory.
    ///   - topic: the topic exported; a checkpoint of another topic is refused.
    ///   - logger: notes what recovery removed.
    /// - Throws: ``PayrollExportError``: `invalidCheckpoint` (unreadable, or another topic's),
    ///   `inconsistentOutput` (another export holds the directory; a committed file is missing, shorter
    ///   than committed, or not the CSV an export writes), `io`.
    static func open(directory: String, topic: String, logger: Logger) throws -> PayrollLedger {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PayrollExportError(.io, message: "cannot create the output directory \(directory): \(error.localizedDescription)")
        }
        guard let lock = try DurableFile.lockExclusively(directory + "/" + PayrollFileName.lock) else {
            throw PayrollExportError(.inconsistentOutput, message: "another payroll export is running in \(directory)")
        }
        do {
            let checkpoint = try PayrollCheckpoint.load(from: directory) ?? PayrollCheckpoint(topic: topic)
            guard checkpoint.topic == topic else {
                throw PayrollExportError(
                    .invalidCheckpoint,
                    message: "\(directory) holds the export of \(checkpoint.topic), not \(topic); export \(topic) to another directory")
            }
            try restore(directory, to: checkpoint, logger: logger)
            var lineIDs = PayrollLineIDs()
            var files: [String: PayrollExportSummary.FileTotals] = [:]
            for name in checkpoint.files.keys.sorted() {
                files[name] = try readCommitted(directory + "/" + name, into: &lineIDs, logger: logger)
            }
            return PayrollLedger(directory: directory, checkpoint: checkpoint, lineIDs: lineIDs, files: files, lock: lock, logger: logger)
        } catch {
            lock.close()
            throw error
        }
    }

    /// Cuts each committed file to its committed length and deletes uncommitted payroll files and
    /// a checkpoint left half-written.
    private static func restore(_ directory: String, to checkpoint: PayrollCheckpoint, logger: Logger) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw PayrollExportError(.io, message: "cannot list \(directory): \(error.localizedDescription)")
        }
        var removed = false
        for name in names where name == PayrollFileName.checkpointTemporary || PayrollFileName.isPayrollFile(name) {
            let path = directory + "/" + name
            guard let committed = checkpoint.files[name] else {
                logger.notice("removing a file the checkpoint does not know (a batch that did not finish wrote it)", metadata: [
                    "payroll.file": "\(path)"
                ])
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw PayrollExportError(.io, message: "cannot remove \(path): \(error.localizedDescription)")
                }
                removed = true
                continue
            }
            let file = try DurableFile.openForWriting(path)
            defer { file.close() }
            let length = try file.length()
            guard length >= committed else {
                throw PayrollExportError(
                    .inconsistentOutput,
                    message: "\(path) is \(length) bytes but \(committed) are committed: it was cut or replaced after it was written")
            }
            if length > committed {
                logger.notice("cutting a payroll file back to its committed length (a batch that did not finish wrote the rest)", metadata: [
                    "payroll.file": "\(path)", "payroll.length": "\(length)", "payroll.committed-length": "\(committed)",
                ])
                try file.truncate(to: committed)
                try file.sync()
            }
        }
        for name in checkpoint.files.keys.sorted() where !names.contains(name) {
            throw PayrollExportError(
                .inconsistentOutput,
                message: "\(directory)/\(name) is in the checkpoint but missing; restore it, or export into a new directory")
        }
        if removed { try DurableFile.syncDirectory(directory) }
    }

    /// Reads a committed file: checks the header and every line, adds its line ids to `lineIDs`.
    /// - Returns: the file's lines and amounts.
    private static func readCommitted(
        _ path: String, into lineIDs: inout PayrollLineIDs, logger: Logger
    ) throws -> PayrollExportSummary.FileTotals {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayrollExportError(.io, message: "cannot read \(path)")
        }
        let records: [[String]]
        do {
            records = try PayrollCSV.records(in: Array(data))
        } catch {
            throw PayrollExportError(.inconsistentOutput, message: "\(path) is not valid CSV: \(error)")
        }
        var totals = PayrollExportSummary.FileTotals()
        guard let header = records.first else { return totals }
        guard header == PayrollCSV.columns else {
            throw PayrollExportError(.inconsistentOutput, message: "\(path) does not start with the payroll header")
        }
        let column = { (name: String) in PayrollCSV.columns.firstIndex(of: name)! }
        let (idColumn, amountColumn, currencyColumn) = (column("line_id"), column("amount"), column("currency"))
        for (index, record) in records.dropFirst().enumerated() {
            guard record.count == PayrollCSV.columns.count, let money = try? Money(record[amountColumn], currency: record[currencyColumn])
            else {
                throw PayrollExportError(
                    .inconsistentOutput, message: "\(path): record \(index + 2) is not a payroll line (\(record.count) fields, or a bad amount)")
            }
            if !lineIDs.insert(record[idColumn]) {
                logger.warning("a line id appears twice in the payroll files", metadata: [
                    "payroll.file": "\(path)", "payroll.line-id": "\(record[idColumn])",
                ])
            }
            totals.add(money.amount, currency: money.currency, appended: false)
        }
        return totals
    }
}
