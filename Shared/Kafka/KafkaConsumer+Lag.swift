import CRdKafka

extension KafkaConsumer {
    /// How many messages this member is behind: the sum over its assigned partitions of the high
    /// watermark minus the current position.
    ///
    /// Uses librdkafka's cached watermarks (updated by fetches), so it makes no network request.
    /// Partitions whose position or watermark is not known yet (nothing fetched) count as 0.
    /// - Returns: the lag, or 0 when the consumer is closed.
    public func lag() async -> Int64 {
        (try? await withBlockingClient { client -> Int64 in
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            guard rd_kafka_assignment(client.handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return 0 }
            let assignment = RDKafkaTopicPartitionList(adopting: list)
            _ = rd_kafka_position(client.handle, assignment.pointer)
            var total: Int64 = 0
            for entry in assignment.elements where entry.error == RD_KAFKA_RESP_ERR_NO_ERROR && entry.offset >= 0 {
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_get_watermark_offsets(client.handle, entry.topic, entry.partition, &low, &high)
                if err == RD_KAFKA_RESP_ERR_NO_ERROR, high >= 0 { total += max(0, high - entry.offset) }
            }
            return total
        }) ?? 0
    }
}
