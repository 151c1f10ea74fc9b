import Logging
import StrideKafka

/// Where an export's records come from: every partition of the topic from the checkpointed offsets
/// (a partition never read from its first record), without a consumer group.
///
/// First a ``KafkaBacklogReader``: the partitions' ends are fixed when it opens, and reading stops
/// there. Following, a consumer assigned the same partitions at those ends then reads on;
/// partitions added to the topic later are read by the next run.
struct PayrollRecordSource: Sendable {
    private enum Reader: Sendable {
        case backlog(KafkaBacklogReader)
        case follow(KafkaConsumer)
    }

    private var reader: Reader
    private let follow: Bool
    private let configuration: KafkaConfiguration
    private let logger: Logger
    /// The topic.
    let topic: String
    /// Per partition, the offsets the backlog spans: from the checkpointed offset (or the
    /// partition's first kept record, when that is later or there is none) to the partition's end
    /// when the source opened.
    let ranges: [Int32: KafkaBacklogReader.Bounds]

    /// Opens the topic at `offsets` and fixes the ends of its backlog.
    /// - Throws: the `KafkaError` of the last attempt when the topic's partitions and ends could not
    ///   be read within `timeout` (`UNKNOWN_TOPIC_OR_PART` when it does not exist).
    static func open(
        topic: String, at offsets: [Int32: Int64], follow: Bool, configuration: KafkaConfiguration, logger: Logger,
        timeout: Duration
    ) async throws -> PayrollRecordSource {
        let reader = try await KafkaBacklogReader(
            configuration: configuration, topic: topic, startingAt: offsets, logger: logger, timeout: timeout)
        return PayrollRecordSource(
            reader: .backlog(reader), follow: follow, configuration: configuration, logger: logger, topic: topic,
            ranges: reader.ranges.reduce(into: [:]) { $0[$1.key.partition] = $1.value })
    }

    /// Whether every record up to the ends fixed at the start was read (never, when following).
    var isFinished: Bool {
        switch reader {
        case .backlog(let reader): !follow && reader.isFinished
        case .follow: false
        }
    }

    /// The next records, in offset order per partition.
    /// - Parameter maxMessages: the most records returned.
    /// - Returns: `nil` once the backlog is read (never, when following); otherwise what arrived
    ///   within a short wait, possibly nothing.
    mutating func next(maxMessages: Int) async throws -> [KafkaConsumerMessage]? {
        switch reader {
        case .backlog(var backlog):
            let batch = try await backlog.next(maxMessages: maxMessages)
            reader = .backlog(backlog)
            guard batch == nil, follow else { return batch }
            await Self.close(.backlog(backlog))
            // Everything below the ends was handed out: go on from there.
            let consumer = try KafkaConsumer(configuration: configuration, groupID: "stride-payroll-export.\(topic)", logger: logger)
            reader = .follow(consumer)
            try await consumer.assign(ranges.reduce(into: [:]) {
                $0[KafkaTopicPartition(topic: topic, partition: $1.key)] = max($1.value.start, $1.value.end)
            })
            return []
        case .follow(let consumer):
            return try await consumer.poll(maxMessages: maxMessages, timeout: .milliseconds(250))
        }
    }

    /// Releases the consumer. Call it once, when done (also after an error).
    func close() async {
        await Self.close(reader)
    }

    /// Closes in a task of its own: in a cancelled task (SIGINT, a follow being stopped) the
    /// consumer's close would not run, and the client would be left open.
    private static func close(_ reader: Reader) async {
        await Task {
            switch reader {
            case .backlog(let reader): await reader.close()
            case .follow(let consumer): await consumer.close()
            }
        }.value
    }
}
