import CRdKafka

/// `rd_kafka_CreateTopics`, waited for on a temporary queue. Blocking: run it on a thread pool.
enum RDKafkaCreateTopics {
    static func run(_ handle: OpaquePointer, topics: [KafkaTopicSpec], timeout: Duration) throws(KafkaError) {
        var errorText = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for spec in topics {
            guard let topic = rd_kafka_NewTopic_new(
                spec.name, spec.partitions, Int32(spec.replicationFactor), &errorText, errorText.count)
            else {
                throw KafkaError(code: .admin, message: "invalid topic \(spec.name): \(RDKafkaClient.text(errorText))")
            }
            newTopics.append(topic)
            for (name, value) in spec.configs.sorted(by: { $0.key < $1.key }) {
                let err = rd_kafka_NewTopic_set_config(topic, name, value)
                guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(.admin, err, "invalid config \(name)=\(value) for topic \(spec.name)")
                }
            }
        }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeout.milliseconds, &errorText, errorText.count)
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeout.milliseconds, &errorText, errorText.count)
        let queue = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(queue) }
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(handle, buffer.baseAddress, buffer.count, options, queue)
        }
        // librdkafka enforces the request timeout itself; the margin only covers scheduling.
        guard let event = rd_kafka_queue_poll(queue, timeout.milliseconds &+ 5_000) else {
            throw KafkaError(code: .timedOut, message: "creating topics got no answer within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }
        let err = rd_kafka_event_error(event)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(
                err == RD_KAFKA_RESP_ERR__TIMED_OUT ? .timedOut : .admin, err, "creating topics failed",
                detail: rd_kafka_event_error_string(event).map { String(cString: $0) })
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else {
            throw KafkaError(code: .admin, message: "creating topics returned an unexpected event")
        }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
        for index in 0..<count {
            let topic = results[index]
            let err = rd_kafka_topic_result_error(topic)
            guard err != RD_KAFKA_RESP_ERR_NO_ERROR, err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else { continue }
            let name = String(cString: rd_kafka_topic_result_name(topic))
            throw KafkaError(
                .admin, err, "creating topic \(name) failed",
                detail: rd_kafka_topic_result_error_string(topic).map { String(cString: $0) })
        }
    }
}
