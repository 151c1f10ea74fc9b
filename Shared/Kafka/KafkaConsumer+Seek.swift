import CRdKafka

extension KafkaConsumer {
    /// Moves every assigned partition to its current end (high watermark), asking the broker, so
    /// this member reads only what is produced from now on: an audit tap or a test watching a
    /// shared topic that may hold millions of older records. Call it once the group has assigned
    /// partitions; messages polled before it may include older records (filter them by the
    /// returned offsets).
    /// - Parameter timeout: how long each broker request may take.
    /// - Returns: the offset each assigned partition now starts at.
    /// - Throws: `.closed` after ``close()``; a `KafkaError` with librdkafka's code when the
    ///   watermarks cannot be read or the seek fails.
    @discardableResult
    public func seekToEnd(timeout: Duration = .seconds(5)) async throws -> [KafkaTopicPartition: Int64] {
        try await withBlockingClient { client in
            let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            var ends: [KafkaTopicPartition: Int64] = [:]
            let targets = RDKafkaTopicPartitionList(capacity: 8)
            for partition in Self.assignment(client.handle) {
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_query_watermark_offsets(client.handle, partition.topic, partition.partition, &low, &high, milliseconds)
                guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(.consume, err, "reading the end of \(partition.topic)[\(partition.partition)] failed")
                }
                ends[partition] = high
                targets.add(topic: partition.topic, partition: partition.partition, offset: high)
            }
            guard !ends.isEmpty else { return ends }
            if let error = rd_kafka_seek_partitions(client.handle, targets.pointer, milliseconds) {
                let code = rd_kafka_error_code(error)
                rd_kafka_error_destroy(error)
                throw KafkaError(.consume, code, "seeking to the end failed")
            }
            for entry in targets.elements where entry.error != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(.consume, entry.error, "seeking \(entry.topic)[\(entry.partition)] to its end failed")
            }
            return ends
        }
    }
}
