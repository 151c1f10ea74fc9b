import CRdKafka

/// Owns an `rd_kafka_topic_partition_list_t` and destroys it when released.
final class RDKafkaTopicPartitionList {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(capacity: Int) {
        pointer = rd_kafka_topic_partition_list_new(Int32(capacity))
    }

    /// Takes ownership of a list librdkafka allocated for us.
    init(adopting pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        self.pointer = pointer
    }

    deinit { rd_kafka_topic_partition_list_destroy(pointer) }

    /// Adds a topic-partition, with an offset when given.
    func add(topic: String, partition: Int32, offset: Int64? = nil) {
        let element = rd_kafka_topic_partition_list_add(pointer, topic, partition)!
        if let offset { element.pointee.offset = offset }
    }

    /// The entries as Swift values.
    var elements: [(topic: String, partition: Int32, offset: Int64, error: rd_kafka_resp_err_t)] {
        let list = pointer.pointee
        return (0..<Int(list.cnt)).map { index in
            let element = list.elems[index]
            return (String(cString: element.topic), element.partition, element.offset, element.err)
        }
    }
}
