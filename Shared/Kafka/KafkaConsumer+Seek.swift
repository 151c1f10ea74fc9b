import CRdKafka

extension KafkaConsumer {
    /// Moves every assigned partition to its current end (high watermark), asking the broker, so
    /// this member reads only what is produced from now on: an audit tap or a test watching a
    /// shared topic that may hold millions of older records. Call it once the group has assigned
    /// partitions; messages polled before it may include older records (filter them by the
    /// returned offsets).
    ///
    /// Right after an assignment librdkafka may still be looking up a partition's start
    /// (committed offset or reset policy) and refuses a seek with `_STATE` until it is done; such
    /// partitions are sought again, briefly apart, until `timeout` has passed.
    /// - Parameter timeout: how long each broker request may take, and how long a partition that
    ///   is not yet ready to seek is retried.
    /// - Returns: the offset each assigned partition now starts at.
    /// - Throws: `.closed` after ``close()``; a `KafkaError` with librdkafka's code when the
    ///   watermarks cannot be read or the seek fails.
    @discardableResult
    public func seekToEnd(timeout: Duration = .seconds(5)) async throws -> [KafkaTopicPartition: Int64] {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ends = try await withBlockingClient { client in
            var ends: [KafkaTopicPartition: Int64] = [:]
            for partition in Self.assignment(client.handle) {
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_query_watermark_offsets(client.handle, partition.topic, partition.partition, &low, &high, milliseconds)
                guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(.consume, err, "reading the end of \(partition.topic)[\(partition.partition)] failed")
                }
                ends[partition] = high
            }
            return ends
        }
        let deadline = ContinuousClock.now + timeout
        var pending = ends
        while !pending.isEmpty {
            let targets = pending
            pending = try await withBlockingClient { client in
                try Self.seek(client.handle, to: targets, milliseconds: milliseconds)
            }
            if !pending.isEmpty {
                guard ContinuousClock.now < deadline else {
                    let partition = pending.keys.first!
                    throw KafkaError(.consume, RD_KAFKA_RESP_ERR__STATE, "seeking \(partition.topic)[\(partition.partition)] to its end failed")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        return ends
    }

    /// Seeks each partition to its offset; returns those librdkafka is not yet ready to seek.
    private static func seek(
        _ handle: OpaquePointer, to offsets: [KafkaTopicPartition: Int64], milliseconds: Int32
    ) throws -> [KafkaTopicPartition: Int64] {
        let targets = RDKafkaTopicPartitionList(capacity: offsets.count)
        for (partition, offset) in offsets { targets.add(topic: partition.topic, partition: partition.partition, offset: offset) }
        if let error = rd_kafka_seek_partitions(handle, targets.pointer, milliseconds) {
            let code = rd_kafka_error_code(error)
            rd_kafka_error_destroy(error)
            throw KafkaError(.consume, code, "seeking to the end failed")
        }
        var notReady: [KafkaTopicPartition: Int64] = [:]
        for entry in targets.elements where entry.error != RD_KAFKA_RESP_ERR_NO_ERROR {
            let partition = KafkaTopicPartition(topic: entry.topic, partition: entry.partition)
            guard entry.error == RD_KAFKA_RESP_ERR__STATE, let offset = offsets[partition] else {
                throw KafkaError(.consume, entry.error, "seeking \(entry.topic)[\(entry.partition)] to its end failed")
            }
            notReady[partition] = offset
        }
        return notReady
    }
}
