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
        let (directory, topic) = (options.outputDirectory, options.topic)
        let ledger = PayrollLedgerBox(try await PayrollFileWork.run {
            try PayrollLedger.open(directory: directory, topic: topic, logger: logger)
        })
        let checkpointed = ledger.withLedger { $0.checkpoint.offsets }
        var summary = PayrollExportSummary(topic: options.topic, directory: options.outputDirectory)
        summary.files = ledger.withLedger { $0.files }
        var source: PayrollRecordSource
        do {
            source = try await PayrollRecordSource.open(
                topic: options.topic, at: checkpointed, follow: options.follow, configuration: configuration,
                logger: logger, timeout: min(options.openTimeout, options.timeout))
        } catch {
            ledger.withLedger { $0.close() }
            throw error
        }
        do {
            try checkNotRecreated(source.ranges, checkpointed: checkpointed, topic: options.topic)
            summary.recordsLostToRetention = lostToRetention(
                from: checkpointed, to: source.ranges.mapValues(\.start), topic: options.topic, logger: logger)
            summary.finished = try await export(from: &source, into: ledger, summary: &summary, options: options, deadline: deadline)
        } catch {
            summary.files = ledger.withLedger { $0.files }
            summary.lines.forEach(output)
            await source.close()
            ledger.withLedger { $0.close() }
            throw error
        }
        summary.files = ledger.withLedger { $0.files }
        summary.lines.forEach(output)
        await source.close()
        ledger.withLedger { $0.close() }
        return summary
    }

    /// Reads and writes batches until the backlog is read (returns `true`) or the task is
    /// cancelled (returns `false`).
    ///
    /// Three batches are in hand at a time: while one is written, the next is decoded (on another
    /// thread) and the one after it fetched. Batches are still written one after the other, in
    /// the order read. Whatever ends the loop, the batch decoded by then is committed first (a
    /// failed write leaves the ledger unusable, so not after that), and the decode and the fetch
    /// in flight are awaited, so that nothing runs on and `source` is the one to close.
    private static func export(
        from source: inout PayrollRecordSource, into ledger: PayrollLedgerBox, summary: inout PayrollExportSummary,
        options: PayrollExportOptions, deadline: ContinuousClock.Instant
    ) async throws -> Bool {
        typealias Fetched = (source: PayrollRecordSource, records: Result<[KafkaConsumerMessage]?, any Error>)
        let maxMessages = max(1, options.maxBatch)
        func fetch(_ source: PayrollRecordSource) -> Task<Fetched, Never> {
            Task {
                var source = source
                do {
                    let records = try await source.next(maxMessages: maxMessages)
                    return (source, .success(records))
                } catch {
                    return (source, .failure(error))
                }
            }
        }
        var decoder = PayrollBatchDecoder(skipUndecodable: options.skipUndecodable, logger: ledger.withLedger { $0.logger })
        var decoding: Task<(PayrollBatchDecoder, PayrollBatchDecoder.Decoded), Never>?
        /// Waits for the batch being decoded and commits it.
        func commitDecoding() async throws {
            guard let task = decoding else { return }
            decoding = nil
            let decoded: PayrollBatchDecoder.Decoded
            (decoder, decoded) = await task.value
            try await commit(decoded, into: ledger, summary: &summary)
        }
        var fetching: Task<Fetched, Never>? = fetch(source)
        var firstRecord: ContinuousClock.Instant?
        let outcome: Result<Bool, any Error>
        do {
            var finished = false
            while !Task.isCancelled, let inFlight = fetching {
                if !options.follow, !source.isFinished, ContinuousClock.now >= deadline {
                    try await commitDecoding()
                    throw PayrollExportError(
                        .timedOut,
                        message: "exporting \(options.topic) did not finish within \(options.timeout); "
                            + "\(summary.linesAppended) line(s) were written and checkpointed, run it again to continue")
                }
                let fetched = await inFlight.value
                fetching = nil
                source = fetched.source
                let records: [KafkaConsumerMessage]?
                do {
                    records = try fetched.records.get()
                } catch {
                    // What was decoded before the failed fetch still counts.
                    try? await commitDecoding()
                    throw error
                }
                guard let records else {
                    finished = true
                    break
                }
                fetching = fetch(source)
                guard !records.isEmpty else {
                    try await commitDecoding()
                    continue
                }
                if firstRecord == nil { firstRecord = .now }
                var ready: PayrollBatchDecoder.Decoded?
                if let previous = decoding {
                    decoding = nil
                    (decoder, ready) = await previous.value
                }
                decoding = Task { [decoder] in
                    var decoder = decoder
                    let decoded = decoder.decode(records)
                    return (decoder, decoded)
                }
                if let ready { try await commit(ready, into: ledger, summary: &summary) }
            }
            try await commitDecoding()
            outcome = .success(finished)
        } catch {
            outcome = .failure(error)
        }
        // No decode left running behind the return.
        if let decoding { _ = await decoding.value }
        if let fetching {
            fetching.cancel()
            source = await fetching.value.source
        }
        summary.readingTime = firstRecord.map { $0.duration(to: .now) }
        return try outcome.get()
    }

    /// Commits a decoded batch's lines and offsets (on the file queue), then throws its stop, if any.
    private static func commit(
        _ decoded: PayrollBatchDecoder.Decoded, into ledger: PayrollLedgerBox, summary: inout PayrollExportSummary
    ) async throws {
        summary.recordsRead += decoded.recordsRead
        summary.unknownTypesSkipped.merge(decoded.unknownTypes, uniquingKeysWith: +)
        summary.undecodableSkipped += decoded.undecodable
        let (appended, files) = try await ledger.onFileQueue { ledger in
            (try ledger.append(decoded.lines, advancingTo: decoded.offsets), ledger.files)
        }
        summary.duplicatesSkipped += appended.duplicates
        summary.files = files
        if let stop = decoded.stop { throw stop }
    }
}
