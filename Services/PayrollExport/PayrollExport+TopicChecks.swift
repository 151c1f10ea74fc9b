import Logging
import StrideKafka

/// What the export checks about the topic before it reads: its checkpoint must still fit the topic.
extension PayrollExport {
    /// Refuses to go on when a checkpointed offset lies beyond its partition's end: the topic was
    /// recreated (or the export pointed at another cluster), and reading from there would
    /// silently skip the new topic's records.
    static func checkNotRecreated(
        _ ranges: [Int32: KafkaBacklogReader.Bounds], checkpointed: [Int32: Int64], topic: String
    ) throws {
        for (partition, bounds) in ranges.sorted(by: { $0.key < $1.key }) {
            guard let offset = checkpointed[partition], offset > bounds.end else { continue }
            throw PayrollExportError(
                .invalidCheckpoint,
                message: "the checkpoint has read \(topic)[\(partition)] up to offset \(offset), but the partition ends at "
                    + "\(bounds.end): was the topic recreated? Export it into a new directory")
        }
    }

    /// Per partition, how many records retention deleted between the checkpoint and where reading starts.
    static func lostToRetention(
        from checkpointed: [Int32: Int64], to starts: [Int32: Int64], topic: String, logger: Logger
    ) -> [Int32: Int64] {
        var lost: [Int32: Int64] = [:]
        for (partition, start) in starts {
            guard let offset = checkpointed[partition], start > offset else { continue }
            lost[partition] = start - offset
            logger.error("records of the payroll topic were deleted by retention before the export read them", metadata: [
                "kafka.topic": "\(topic)", "kafka.partition": "\(partition)", "payroll.checkpointed-offset": "\(offset)",
                "payroll.first-kept-offset": "\(start)",
            ])
        }
        return lost
    }
}
