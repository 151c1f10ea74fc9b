import CRdKafka

extension KafkaConsumer {
    /// The offsets ``groupID`` has committed for `partitions` (each the next offset to read),
    /// asking the group coordinator.
    /// - Parameters:
    ///   - partitions: the partitions to ask about.
    ///   - timeout: how long the request may take, including finding the coordinator.
    /// - Returns: an entry for each partition that has a committed offset; partitions the group
    ///   never committed are absent.
    /// - Throws: a `.consume` ``KafkaError`` with librdkafka's code when the request or a
    ///   partition's lookup failed, `.closed` after ``close()``.
    public func committedOffsets(
        for partitions: [KafkaTopicPartition], timeout: Duration = .seconds(10)
    ) async throws -> [KafkaTopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        let (groupID, wanted) = (self.groupID, partitions)
        return try await withBlockingClient { client in
            let list = RDKafkaTopicPartitionList(capacity: wanted.count)
            for partition in wanted { list.add(topic: partition.topic, partition: partition.partition) }
            let err = rd_kafka_committed(client.handle, list.pointer, timeout.milliseconds)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(.consume, err, "reading the committed offsets of group \(groupID) failed")
            }
            var result: [KafkaTopicPartition: Int64] = [:]
            for entry in list.elements {
                guard entry.error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(
                        .consume, entry.error, "reading the committed offset of \(entry.topic)[\(entry.partition)] failed")
                }
                if entry.offset >= 0 { result[KafkaTopicPartition(topic: entry.topic, partition: entry.partition)] = entry.offset }
            }
            return result
        }
    }
}
