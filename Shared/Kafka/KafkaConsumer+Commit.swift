import CRdKafka
import Logging

/// A partition of a topic.
public struct KafkaTopicPartition: Hashable, Sendable, CustomStringConvertible {
    /// The topic name.
    public var topic: String
    /// The partition number.
    public var partition: Int32

    /// Creates a topic-partition.
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

extension KafkaConsumer {
    /// Commits, synchronously, the position after the highest offset given per topic-partition.
    ///
    /// Call it only after the messages' effects are durable (e.g. after the inbox transaction).
    /// Partitions no longer assigned to this member (revoked by a rebalance) are skipped and
    /// logged: their messages are redelivered to the new owner, which is what at-least-once means.
    /// - Throws: a `.commit` ``KafkaError`` with librdkafka's code and text when the commit failed,
    ///   `.closed` after ``close()``.
    public func commit(_ messages: [KafkaConsumerMessage]) async throws {
        guard !messages.isEmpty else { return }
        var next: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            let key = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            next[key] = max(next[key] ?? Int64.min, message.offset + 1)
        }
        let (logger, groupID, wanted) = (self.logger, self.groupID, next)
        try await withBlockingClient { client in
            let assigned = Set(Self.assignment(client.handle))
            let offsets = RDKafkaTopicPartitionList(capacity: wanted.count)
            for (partition, offset) in wanted {
                if assigned.contains(partition) {
                    offsets.add(topic: partition.topic, partition: partition.partition, offset: offset)
                } else {
                    logger.info(
                        "not committing a partition that was revoked; its uncommitted messages go to the new owner",
                        metadata: ["kafka.topic": "\(partition.topic)", "kafka.partition": "\(partition.partition)"])
                }
            }
            guard offsets.pointer.pointee.cnt > 0 else { return }
            let err = rd_kafka_commit(client.handle, offsets.pointer, 0)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR__NO_OFFSET else {
                throw KafkaError(.commit, err, "committing offsets for group \(groupID) failed")
            }
            if let failed = offsets.elements.first(where: { $0.error != RD_KAFKA_RESP_ERR_NO_ERROR }) {
                throw KafkaError(
                    .commit, failed.error, "committing offset \(failed.offset) of \(failed.topic)[\(failed.partition)] failed")
            }
        }
    }

    /// The partitions currently assigned to this member of the group.
    /// - Throws: `.closed` after ``close()``.
    public func assignment() async throws -> [KafkaTopicPartition] {
        try await withBlockingClient { client in Self.assignment(client.handle) }
    }

    /// Blocking (briefly: a request to librdkafka's group thread).
    static func assignment(_ handle: OpaquePointer) -> [KafkaTopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        guard rd_kafka_assignment(handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        return RDKafkaTopicPartitionList(adopting: list).elements.map {
            KafkaTopicPartition(topic: $0.topic, partition: $0.partition)
        }
    }
}
