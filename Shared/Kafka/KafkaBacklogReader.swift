import Logging

/// Reads, once, the backlog of a topic for a consumer group: per partition, the records from the
/// group's committed offset up to the partition's end **as it was before the first record was
/// handed out**, then stops by itself.
///
/// Every partition's end (high watermark) is fixed while opening, before any record reaches the
/// caller, so records produced later, even ones the caller produces into the topic while
/// reading, are left for the next reader: a replay whose output flows back into its input still
/// terminates. A partition the group never committed is read from its first kept record.
///
/// Partitions are assigned explicitly (``KafkaConsumer/init(configuration:groupID:logger:)``), so
/// there is no group join to wait for; ``commit(_:)`` still records progress under the group, so
/// the next reader starts where this one's caller committed. The group must have no subscribed
/// members meanwhile (the broker refuses the commits otherwise). A caller that keeps its own
/// checkpoint instead opens the reader at its offsets
/// (``init(configuration:topic:startingAt:logger:timeout:)``) and never commits.
///
/// ```swift
/// var reader = try await KafkaBacklogReader(configuration: kafka, groupID: "tool.orders.dlq", topic: "orders.dlq", logger: logger)
/// while let batch = try await reader.next() {
///     try await handle(batch)
///     try await reader.commit(batch)
/// }
/// await reader.close()
/// ```
public struct KafkaBacklogReader: Sendable {
    /// One partition's share of the backlog: offsets `start..<end`.
    public struct Bounds: Hashable, Sendable {
        /// Where reading starts: the group's committed offset (or the caller's), or the first record kept.
        public var start: Int64
        /// The partition's end (high watermark) when the reader opened; reading stops before it.
        public var end: Int64

        /// How many offsets the range spans (the record count, unless some offsets hold no record).
        public var count: Int64 { max(0, end - start) }
    }

    /// The topic being read.
    public let topic: String
    /// Every partition of the topic with what the reader reads of it (empty ranges included).
    public let ranges: [KafkaTopicPartition: Bounds]
    /// The partitions not yet read to their range's end.
    public private(set) var remaining: Set<KafkaTopicPartition>
    let consumer: KafkaConsumer

    /// Whether every partition has been read to its range's end.
    public var isFinished: Bool { remaining.isEmpty }

    /// Fixes the backlog: reads the topic's partitions and watermarks, then the group's committed
    /// offsets, assigns every partition from its start and waits for the first fetch of each,
    /// whose high watermark becomes the partition's end (the larger of the two answers; see
    /// ``KafkaConsumer/fetchedHighWatermarks(for:)`` for why both are asked).
    ///
    /// A topic created a moment ago may not be known to every broker yet, so failing requests are
    /// retried until `timeout`.
    /// - Parameters:
    ///   - configuration: the brokers and any librdkafka properties.
    ///   - groupID: the consumer group whose committed offsets say where to start.
    ///   - topic: the topic to read.
    ///   - logger: receives librdkafka's logs and errors.
    ///   - timeout: how long opening may take in all.
    /// - Throws: the last ``KafkaError`` when the watermarks or committed offsets could not be
    ///   read within `timeout` (`UNKNOWN_TOPIC_OR_PART` when the topic does not exist), a
    ///   `.timedOut` one when a partition was not fetched within `timeout`, `.configuration` for an
    ///   invalid property.
    public init(
        configuration: KafkaConfiguration, groupID: String, topic: String, logger: Logger, timeout: Duration = .seconds(10)
    ) async throws {
        try await self.init(configuration: configuration, groupID: groupID, topic: topic, from: .committed, logger: logger, timeout: timeout)
    }

    /// Fixes the backlog from offsets the caller keeps itself (a checkpoint of its own, not a
    /// consumer group's): like ``init(configuration:groupID:topic:logger:timeout:)``, but each
    /// partition starts at `offsets[partition]`, or at its first kept record when absent.
    ///
    /// An offset below the partition's first kept record (retention deleted records the caller
    /// never read) starts at that first record; compare ``ranges`` with `offsets` to notice.
    /// Nothing is committed anywhere, so do not call ``commit(_:)`` on such a reader.
    /// - Parameters:
    ///   - configuration: the brokers and any librdkafka properties.
    ///   - topic: the topic to read.
    ///   - offsets: per partition number, the next offset to read.
    ///   - logger: receives librdkafka's logs and errors.
    ///   - timeout: how long opening may take in all.
    /// - Throws: as ``init(configuration:groupID:topic:logger:timeout:)``.
    public init(
        configuration: KafkaConfiguration, topic: String, startingAt offsets: [Int32: Int64], logger: Logger,
        timeout: Duration = .seconds(10)
    ) async throws {
        try await self.init(
            configuration: configuration, groupID: "stride-backlog-reader.\(topic)", topic: topic, from: .offsets(offsets),
            logger: logger, timeout: timeout)
    }

    /// Where a reader starts each partition.
    private enum Start {
        /// At the group's committed offset.
        case committed
        /// At the caller's offset, by partition number.
        case offsets([Int32: Int64])
    }

    private init(
        configuration: KafkaConfiguration, groupID: String, topic: String, from start: Start, logger: Logger, timeout: Duration
    ) async throws {
        var configuration = configuration
        configuration.properties["enable.partition.eof"] = "true"
        // A backlog larger than librdkafka's local queue (64 MiB by default) fills it whenever
        // the reader is slower than the broker; the partitions' next fetches are then postponed
        // by this backoff, 1 s by default, and the reader idles with the backlog unread.
        if configuration.properties["fetch.queue.backoff.ms"] == nil {
            configuration.properties["fetch.queue.backoff.ms"] = "10"
        }
        let consumer = try KafkaConsumer(configuration: configuration, groupID: groupID, logger: logger)
        do {
            let deadline = ContinuousClock.now.advanced(by: timeout)
            let (watermarks, wanted) = try await Self.watermarksAndStarts(
                of: topic, from: start, consumer: consumer, logger: logger, deadline: deadline)
            let starts = watermarks.reduce(into: [KafkaTopicPartition: Int64]()) { starts, entry in
                starts[entry.key] = max(wanted[entry.key] ?? entry.value.low, entry.value.low)
            }
            try await consumer.assign(starts)
            let fetched = try await Self.fetchedEnds(of: Array(starts.keys), consumer: consumer, deadline: deadline)
            var ranges: [KafkaTopicPartition: Bounds] = [:]
            for (partition, start) in starts {
                let end = max(watermarks[partition]?.high ?? 0, fetched[partition] ?? 0)
                if start > end {
                    logger.warning("the offset to start at (committed or the caller's) is beyond the partition's end (topic recreated?); reading nothing from it", metadata: [
                        "kafka.topic": "\(partition.topic)", "kafka.partition": "\(partition.partition)",
                        "kafka.offset": "\(start)", "kafka.high-watermark": "\(end)",
                    ])
                }
                ranges[partition] = Bounds(start: start, end: end)
            }
            self.topic = topic
            self.ranges = ranges
            self.remaining = Set(ranges.filter { $0.value.count > 0 }.keys)
            self.consumer = consumer
        } catch {
            await consumer.close()
            throw error
        }
    }

    /// The next records of the backlog.
    /// - Parameters:
    ///   - maxMessages: the most records returned.
    ///   - timeout: how long to wait for the first record; bounds how long one call takes.
    /// - Returns: `nil` once every partition has been read to its end; otherwise the records that
    ///   arrived (in offset order per partition, none at or beyond its end), possibly none.
    /// - Throws: what ``KafkaConsumer/poll(maxMessages:timeout:)`` throws.
    public mutating func next(maxMessages: Int = 500, timeout: Duration = .milliseconds(250)) async throws -> [KafkaConsumerMessage]? {
        guard !remaining.isEmpty else { return nil }
        let polled = try await consumer.pollNotingEnds(maxMessages: maxMessages, timeout: timeout)
        var batch: [KafkaConsumerMessage] = []
        batch.reserveCapacity(polled.messages.count)
        // Messages come in runs of one partition: look its range up once per run.
        var run: (partition: KafkaTopicPartition, end: Int64, reading: Bool)?
        for message in polled.messages {
            if run?.partition.partition != message.partition || run?.partition.topic != message.topic {
                let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
                let range = remaining.contains(partition) ? ranges[partition] : nil
                run = (partition, range?.end ?? 0, range != nil)
            }
            guard let current = run, current.reading else { continue }
            if message.offset < current.end { batch.append(message) }
            if message.offset >= current.end - 1 {
                remaining.remove(current.partition)
                run?.reading = false
            }
        }
        // An end reported below the range's end comes from a fetch before the range was fixed.
        for (partition, offset) in polled.ends where offset >= ranges[partition]?.end ?? .max {
            remaining.remove(partition)
        }
        return batch
    }

    /// Commits the position after `messages` under the reader's group, synchronously: the next
    /// reader of the group starts after them.
    /// - Throws: what ``KafkaConsumer/commit(_:)`` throws.
    public func commit(_ messages: [KafkaConsumerMessage]) async throws {
        try await consumer.commit(messages)
    }

    /// Releases the consumer. Call it once, when done (also after an error).
    public func close() async {
        await consumer.close()
    }

    /// The topic's partitions with their watermarks, then where each starts (the group's committed
    /// offsets, or the caller's), retrying failures until `deadline`.
    private static func watermarksAndStarts(
        of topic: String, from start: Start, consumer: KafkaConsumer, logger: Logger, deadline: ContinuousClock.Instant
    ) async throws -> ([KafkaTopicPartition: KafkaWatermarks], [KafkaTopicPartition: Int64]) {
        while true {
            do {
                let remaining = max(.milliseconds(100), ContinuousClock.now.duration(to: deadline))
                let watermarks = try await consumer.watermarks(of: topic, timeout: remaining)
                switch start {
                case .committed:
                    return (watermarks, try await consumer.committedOffsets(for: Array(watermarks.keys), timeout: remaining))
                case .offsets(let offsets):
                    let starts = watermarks.keys.reduce(into: [KafkaTopicPartition: Int64]()) { starts, partition in
                        starts[partition] = offsets[partition.partition]
                    }
                    return (watermarks, starts)
                }
            } catch let error as KafkaError where error.code != .closed && ContinuousClock.now < deadline {
                logger.debug("reading the backlog's bounds failed; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Waits until every partition's first fetch has reported its high watermark. The fetches
    /// start when the partitions are assigned and need no poll, so this takes one round trip.
    private static func fetchedEnds(
        of partitions: [KafkaTopicPartition], consumer: KafkaConsumer, deadline: ContinuousClock.Instant
    ) async throws -> [KafkaTopicPartition: Int64] {
        while true {
            let ends = try await consumer.fetchedHighWatermarks(for: partitions)
            if ends.count == partitions.count { return ends }
            guard ContinuousClock.now < deadline else {
                let missing = partitions.filter { ends[$0] == nil }.map(\.description).sorted()
                throw KafkaError(code: .timedOut, message: "no fetch response for \(missing.joined(separator: ", ")) in time")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
