import Logging
import StrideKafka

/// Turns a batch of records into the lines the ledger writes: each record through
/// ``PayrollFastPath`` when it can, else through ``PayrollRecord/decode(_:)``.
///
/// It stops at the first record that cannot be decoded (unless told to skip those), so that the
/// records before it are committed and the export stops in front of it.
struct PayrollBatchDecoder: Sendable {
    /// Whether an undecodable record is skipped (and listed) instead of stopping the export.
    let skipUndecodable: Bool
    let logger: Logger
    private var fastPath = PayrollFastPath()

    init(skipUndecodable: Bool, logger: Logger) {
        self.skipUndecodable = skipUndecodable
        self.logger = logger
    }

    /// What a batch of records became.
    struct Decoded: Sendable {
        /// The lines, rendered.
        var lines = PayrollBatch()
        /// Per partition, the next offset after the records decoded (those before ``stop``).
        var offsets: [Int32: Int64] = [:]
        /// How many records were decoded (or skipped) before ``stop``.
        var recordsRead = 0
        /// Records of event types the export does not know, by type.
        var unknownTypes: [String: Int] = [:]
        /// Records skipped because they could not be decoded.
        var undecodable: [PayrollExportSummary.SkippedRecord] = []
        /// The undecodable record the export must stop in front of, if any.
        var stop: PayrollExportError?
    }

    /// Decodes `records`, in order.
    mutating func decode(_ records: [KafkaConsumerMessage]) -> Decoded {
        var decoded = Decoded()
        decoded.lines.reserveCapacity(records.count)
        var runPartition: Int32?
        var runNext: Int64 = 0
        for message in records {
            if !fastPath.append(message, to: &decoded.lines) {
                do throws(PayrollRecord.Undecodable) {
                    switch try PayrollRecord.decode(message) {
                    case .line(let line): decoded.lines.append(line)
                    case .unknownType(let type): decoded.unknownTypes[type, default: 0] += 1
                    }
                } catch {
                    guard skipUndecodable else {
                        decoded.stop = PayrollExportError(
                            .undecodableRecord, position: error.position,
                            message: "the record at \(error.position) cannot be decoded: \(error.reason). It may be a payment, so "
                                + "the export stopped before it; fix it at the producer, or skip such records (--skip-undecodable)")
                        if let runPartition { decoded.offsets[runPartition] = runNext }
                        return decoded
                    }
                    logger.error("skipping a payroll record that cannot be decoded", metadata: [
                        "payroll.record": "\(error.position)", "payroll.error": "\(error.reason)",
                    ])
                    decoded.undecodable.append(.init(position: error.position, reason: error.reason))
                }
            }
            // Records come in runs of one partition: the offsets are noted once per run.
            if message.partition != runPartition {
                if let runPartition { decoded.offsets[runPartition] = runNext }
                runPartition = message.partition
            }
            runNext = message.offset + 1
            decoded.recordsRead += 1
        }
        if let runPartition { decoded.offsets[runPartition] = runNext }
        return decoded
    }
}
