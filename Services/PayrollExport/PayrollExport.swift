import Logging
import StrideKafka

/// `stride payroll export`: the reference payroll consumer. Reads the payroll topic and writes
/// each approved change and each reversal, exactly once, as a line of a CSV file per effective
/// date (``PayrollCSV``).
///
/// The producer delivers at least once, so an event may be on the topic twice; the export skips a
/// line whose id is already written. It keeps its own checkpoint in the output directory (offsets
/// read and the committed length of each file, replaced atomically after each batch's lines are
/// fsynced) instead of consumer-group offsets, and on start cuts the files back to the checkpoint:
/// killed at any moment and run again, it neither loses nor duplicates a line.
///
/// ```swift
/// let summary = try await PayrollExport.run(
///     PayrollExportOptions(outputDirectory: "/var/payroll/stride"), configuration: kafka, logger: logger)
/// ```
public enum PayrollExport {
    /// Exports the topic into the output directory, then prints and returns the summary.
    ///
    /// Without ``PayrollExportOptions/follow`` it stops by itself once it has read the records the
    /// topic held when it started; following, it runs until the calling task is cancelled (each
    /// batch is checkpointed, so cancellation loses nothing). Records of other event types are
    /// skipped and counted. A record that cannot be decoded stops the export (after checkpointing
    /// the records before it) unless ``PayrollExportOptions/skipUndecodable`` is set.
    /// - Parameters:
    ///   - options: the directory, topic and limits.
    ///   - configuration: the broker.
    ///   - logger: for the Kafka client and recovery notes.
    ///   - output: receives the summary's lines (also when the export fails).
    /// - Returns: the summary: per file its lines and sums, and what was skipped.
    /// - Throws: ``PayrollExportError`` (`undecodableRecord` naming the record, `timedOut`,
    ///   `invalidCheckpoint`, `inconsistentOutput`, `io`) or the `KafkaError` of a failed read. What
    ///   was checkpointed stays checkpointed: run it again to continue.
    public static func run(
        _ options: PayrollExportOptions, configuration: KafkaConfiguration, logger: Logger,
        output: (String) -> Void = { print($0) }
    ) async throws -> PayrollExportSummary {
        let deadline = ContinuousClock.now.advanced(by: options.timeout)
        var ledger = try PayrollLedger.open(directory: options.outputDirectory, topic: options.topic, logger: logger)
        var summary = PayrollExportSummary(topic: options.topic, directory: options.outputDirectory)
        summary.files = ledger.files
        var source: PayrollRecordSource
        do {
            source = try await PayrollRecordSource.open(
                topic: options.topic, at: ledger.checkpoint.offsets, follow: options.follow, configuration: configuration,
                logger: logger, timeout: min(options.openTimeout, options.timeout))
        } catch {
            ledger.close()
            throw error
        }
        do {
            try checkNotRecreated(source.ranges, checkpointed: ledger.checkpoint.offsets, topic: options.topic)
            summary.recordsLostToRetention = lostToRetention(
                from: ledger.checkpoint.offsets, to: source.ranges.mapValues(\.start), topic: options.topic, logger: logger)
            summary.finished = try await export(from: &source, into: &ledger, summary: &summary, options: options, deadline: deadline)
        } catch {
            summary.files = ledger.files
            summary.lines.forEach(output)
            await source.close()
            ledger.close()
            throw error
        }
        summary.files = ledger.files
        summary.lines.forEach(output)
        await source.close()
        ledger.close()
        return summary
    }

    /// Reads and writes batches until the backlog is read (returns `true`) or the task is
    /// cancelled (returns `false`).
    private static func export(
        from source: inout PayrollRecordSource, into ledger: inout PayrollLedger, summary: inout PayrollExportSummary,
        options: PayrollExportOptions, deadline: ContinuousClock.Instant
    ) async throws -> Bool {
        while !Task.isCancelled {
            if !options.follow, !source.isFinished, ContinuousClock.now >= deadline {
                throw PayrollExportError(
                    .timedOut,
                    message: "exporting \(options.topic) did not finish within \(options.timeout); "
                        + "\(summary.linesAppended) line(s) were written and checkpointed, run it again to continue")
            }
            guard let batch = try await source.next(maxMessages: max(1, options.maxBatch)) else { return true }
            guard !batch.isEmpty else { continue }
            try write(batch, into: &ledger, summary: &summary, options: options)
            summary.files = ledger.files
        }
        return false
    }

    /// Decodes a batch and commits its lines and offsets. At an undecodable record (unless told to
    /// skip those) it commits the records before it, then throws.
    private static func write(
        _ batch: [KafkaConsumerMessage], into ledger: inout PayrollLedger, summary: inout PayrollExportSummary,
        options: PayrollExportOptions
    ) throws {
        var lines: [PayrollLine] = []
        var offsets: [Int32: Int64] = [:]
        var stop: PayrollExportError?
        records: for message in batch {
            do throws(PayrollRecord.Undecodable) {
                switch try PayrollRecord.decode(message) {
                case .line(let line): lines.append(line)
                case .unknownType(let type): summary.unknownTypesSkipped[type, default: 0] += 1
                }
            } catch {
                guard options.skipUndecodable else {
                    stop = PayrollExportError(
                        .undecodableRecord, position: error.position,
                        message: "the record at \(error.position) cannot be decoded: \(error.reason). It may be a payment, so the "
                            + "export stopped before it; fix it at the producer, or skip such records (--skip-undecodable)")
                    break records
                }
                ledger.logger.error("skipping a payroll record that cannot be decoded", metadata: [
                    "payroll.record": "\(error.position)", "payroll.error": "\(error.reason)",
                ])
                summary.undecodableSkipped.append(.init(position: error.position, reason: error.reason))
            }
            offsets[message.partition] = message.offset + 1
            summary.recordsRead += 1
        }
        let appended = try ledger.append(lines, advancingTo: offsets)
        summary.duplicatesSkipped += appended.duplicates
        if let stop { throw stop }
    }
}
