import CRdKafka
import Logging

extension KafkaConsumer {
    /// Creates a consumer that joins no group: it reads exactly the partitions given to
    /// ``assign(_:)``, so there is no group join to wait for and no rebalance.
    ///
    /// `groupID` still names whose offsets ``commit(_:)`` and ``committedOffsets(for:timeout:)``
    /// use. The broker accepts such commits only while the group has no subscribed members, so
    /// use a group of its own (e.g. one per tool and topic), never a service's group.
    /// - Parameters:
    ///   - configuration: the brokers and any librdkafka properties.
    ///   - groupID: the consumer group whose committed offsets this consumer reads and writes.
    ///   - logger: receives librdkafka's logs and errors.
    /// - Throws: a `.configuration` ``KafkaError`` with librdkafka's text for an invalid property.
    public convenience init(configuration: KafkaConfiguration, groupID: String, logger: Logger) throws {
        try self.init(configuration: configuration, groupID: groupID, subscribingTo: nil, logger: logger)
    }

    /// Replaces the assignment with `offsets`: each partition is read from its offset (an absolute
    /// offset, or librdkafka's logical `RD_KAFKA_OFFSET_BEGINNING` (-2) / `RD_KAFKA_OFFSET_END` (-1)).
    /// An empty dictionary assigns nothing.
    ///
    /// Meant for a consumer made with ``init(configuration:groupID:logger:)``; on a subscribed
    /// consumer the group's next rebalance would replace it.
    /// - Throws: a `.consume` ``KafkaError`` with librdkafka's code when librdkafka refuses the
    ///   assignment, `.closed` after ``close()``.
    public func assign(_ offsets: [KafkaTopicPartition: Int64]) async throws {
        let wanted = offsets
        try await withBlockingClient { client in
            let list = RDKafkaTopicPartitionList(capacity: wanted.count)
            for (partition, offset) in wanted.sorted(by: { ($0.key.topic, $0.key.partition) < ($1.key.topic, $1.key.partition) }) {
                list.add(topic: partition.topic, partition: partition.partition, offset: offset)
            }
            let err = rd_kafka_assign(client.handle, list.pointer)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(.consume, err, "assigning \(wanted.keys.map(\.description).sorted().joined(separator: ", ")) failed")
            }
        }
    }
}
