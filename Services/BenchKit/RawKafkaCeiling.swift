import CRdKafka
import Foundation
import Synchronization

/// librdkafka used directly, with no Stride code in between: the ceiling the wrapper's figures
/// are divided by. Runs on the calling (dedicated) thread; it blocks by design.
package enum RawKafkaCeiling {
    /// Delivery reports seen by the current raw run; only the raw producer's poll touches it.
    private static let delivered = Atomic<Int>(0)
    private static let failed = Atomic<Int>(0)

    /// Produces `count` messages of `payload` with keys `k0…k999`, idempotent and `acks=all`
    /// like the wrapper's defaults, and waits for every delivery report.
    /// - Returns: messages per second.
    package static func produce(bootstrap: String, topic: String, count: Int, payload: [UInt8]) throws -> Double {
        let conf = try configuration(bootstrap: bootstrap, extra: [
            "enable.idempotence": "true", "acks": "all", "linger.ms": "5",
        ])
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            if message?.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                RawKafkaCeiling.delivered.add(1, ordering: .relaxed)
            } else {
                RawKafkaCeiling.failed.add(1, ordering: .relaxed)
            }
        }
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &errstr, errstr.count) else {
            throw BenchError("raw producer: \(String(cString: errstr))")
        }
        defer { rd_kafka_destroy(rk) }
        guard let rkt = rd_kafka_topic_new(rk, topic, nil) else { throw BenchError("raw producer: no topic handle") }
        defer { rd_kafka_topic_destroy(rkt) }
        delivered.store(0, ordering: .relaxed)
        failed.store(0, ordering: .relaxed)
        let keys = (0..<1_000).map { Array("k\($0)".utf8) }
        let clock = ContinuousClock()
        let start = clock.now
        var payload = payload
        for index in 0..<count {
            var key = keys[index % keys.count]
            while true {
                let status = payload.withUnsafeMutableBytes { value in
                    key.withUnsafeMutableBytes { keyBytes in
                        rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                                         value.baseAddress, value.count, keyBytes.baseAddress, keyBytes.count, nil)
                    }
                }
                if status == 0 { break }
                guard rd_kafka_last_error() == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                    throw BenchError("raw produce: \(String(cString: rd_kafka_err2str(rd_kafka_last_error())))")
                }
                rd_kafka_poll(rk, 5)
            }
            if index % 1_000 == 0 { rd_kafka_poll(rk, 0) }
        }
        while delivered.load(ordering: .relaxed) + failed.load(ordering: .relaxed) < count {
            rd_kafka_poll(rk, 50)
            if clock.now - start > .seconds(120) { throw BenchError("raw produce: delivery reports timed out") }
        }
        let elapsed = clock.now - start
        if failed.load(ordering: .relaxed) > 0 { throw BenchError("raw produce: \(failed.load(ordering: .relaxed)) deliveries failed") }
        return Double(count) / elapsed.seconds
    }

    /// Reads `count` messages from the start of every partition of `topic` (no consumer group
    /// join: plain assignment).
    /// - Returns: messages per second, from the first message to the last.
    package static func consume(bootstrap: String, topic: String, partitions: Int32, count: Int) throws -> Double {
        let conf = try configuration(bootstrap: bootstrap, extra: [
            "group.id": "stride-bench-raw-\(UUID().uuidString)", "enable.auto.commit": "false",
            "enable.partition.eof": "false",
        ])
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, &errstr, errstr.count) else {
            throw BenchError("raw consumer: \(String(cString: errstr))")
        }
        defer {
            rd_kafka_consumer_close(rk)
            rd_kafka_destroy(rk)
        }
        rd_kafka_poll_set_consumer(rk)
        let list = rd_kafka_topic_partition_list_new(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for partition in 0..<partitions {
            rd_kafka_topic_partition_list_add(list, topic, partition)?.pointee.offset = Int64(RD_KAFKA_OFFSET_BEGINNING)
        }
        guard rd_kafka_assign(rk, list) == RD_KAFKA_RESP_ERR_NO_ERROR else { throw BenchError("raw consumer: assign failed") }
        let clock = ContinuousClock()
        var received = 0
        var first: ContinuousClock.Instant?
        let deadline = clock.now + .seconds(120)
        while received < count {
            guard clock.now < deadline else { throw BenchError("raw consume: only \(received) of \(count) messages arrived") }
            guard let message = rd_kafka_consumer_poll(rk, 100) else { continue }
            if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                if first == nil { first = clock.now }
                received += 1
            }
            rd_kafka_message_destroy(message)
        }
        return Double(count - 1) / (clock.now - (first ?? clock.now)).seconds
    }

    private static func configuration(bootstrap: String, extra: [String: String]) throws -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        var errstr = [CChar](repeating: 0, count: 512)
        for (name, value) in ["bootstrap.servers": bootstrap, "log_level": "3"].merging(extra, uniquingKeysWith: { $1 }) {
            guard rd_kafka_conf_set(conf, name, value, &errstr, errstr.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw BenchError("raw kafka config \(name): \(String(cString: errstr))")
            }
        }
        return conf
    }
}
