import CRdKafka

extension KafkaConsumer {
    /// Every partition of `topic` with its watermarks, asking the brokers (not librdkafka's cache).
    ///
    /// Works whether or not this consumer reads the topic. The high watermarks say where the topic
    /// ends at this moment: reading up to them and no further reads a fixed snapshot of the topic.
    /// - Parameters:
    ///   - topic: the topic.
    ///   - timeout: how long each broker request may take.
    /// - Returns: one entry per partition of the topic.
    /// - Throws: a `.consume` ``KafkaError`` (`UNKNOWN_TOPIC_OR_PART`) when the brokers do not know
    ///   the topic, `.connection` when the metadata request fails, `.consume` with librdkafka's code
    ///   when a partition's watermarks cannot be read, `.closed` after ``close()``.
    public func watermarks(of topic: String, timeout: Duration = .seconds(5)) async throws -> [KafkaTopicPartition: KafkaWatermarks] {
        try await withBlockingClient { client in
            let milliseconds = timeout.milliseconds
            guard let count = try client.partitionCount(topic: topic, timeoutMilliseconds: milliseconds) else {
                throw KafkaError(.consume, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, "topic \(topic) does not exist")
            }
            var result: [KafkaTopicPartition: KafkaWatermarks] = [:]
            for partition in 0..<Int32(count) {
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_query_watermark_offsets(client.handle, topic, partition, &low, &high, milliseconds)
                guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(.consume, err, "reading the watermarks of \(topic)[\(partition)] failed")
                }
                result[KafkaTopicPartition(topic: topic, partition: partition)] = KafkaWatermarks(low: low, high: high)
            }
            return result
        }
    }
}

extension KafkaConsumer {
    /// The high watermarks (ends) of `partitions` as the latest fetch responses reported them: no
    /// request, just librdkafka's cache, filled when this consumer fetches an assigned partition.
    ///
    /// Some Kafka-protocol brokers (the development broker, Tansu) answer the offset query of
    /// ``watermarks(of:timeout:)`` with the last *batch's* base offset + 1 while fetch responses
    /// carry the exact high watermark; this is the exact one either way.
    /// - Returns: an entry for each partition whose high watermark a fetch has reported;
    ///   partitions not fetched yet are absent.
    /// - Throws: `.closed` after ``close()``.
    public func fetchedHighWatermarks(for partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64] {
        let wanted = partitions
        return try await withBlockingClient { client in
            var result: [KafkaTopicPartition: Int64] = [:]
            for partition in wanted {
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_get_watermark_offsets(client.handle, partition.topic, partition.partition, &low, &high)
                if err == RD_KAFKA_RESP_ERR_NO_ERROR, high >= 0 { result[partition] = high }
            }
            return result
        }
    }
}
