import Foundation
import Logging
import StrideKafka

/// Producer and consumer throughput of StrideKafka against raw librdkafka on the same broker.
package struct KafkaBench {
    package let kafka: KafkaConfiguration
    package let messages: Int
    package let logger: Logger

    /// - Returns: the raw ceiling of a produce-then-consume pipeline (the slower of the two).
    package func run(into report: inout BenchReport) async throws -> Double {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let rawTopic = "stride-bench-raw-\(suffix)"
        let wrappedTopic = "stride-bench-wrapped-\(suffix)"
        try await KafkaAdmin.createTopics(
            [KafkaTopicSpec(name: rawTopic), KafkaTopicSpec(name: wrappedTopic)], configuration: kafka, logger: logger)
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: 256)

        let bootstrap = kafka.bootstrapServers
        let count = messages
        let rawProduce = try await onDedicatedThread {
            try RawKafkaCeiling.produce(bootstrap: bootstrap, topic: rawTopic, count: count, payload: payload)
        }
        let wrappedProduce = try await produceWrapped(topic: wrappedTopic, payload: payload)
        report.add("Kafka produce (256 B, idempotent, acks=all)", wrappedProduce, "msg/s",
                   ceiling: rawProduce, ceilingName: "raw librdkafka", target: ">= 80%")

        let rawConsume = try await onDedicatedThread {
            try RawKafkaCeiling.consume(bootstrap: bootstrap, topic: rawTopic, partitions: 4, count: count)
        }
        let wrappedConsume = try await consumeWrapped(topic: wrappedTopic)
        report.add("Kafka consume (group, batches)", wrappedConsume, "msg/s",
                   ceiling: rawConsume, ceilingName: "raw librdkafka", target: ">= 80%")
        return min(rawProduce, rawConsume)
    }

    private func produceWrapped(topic: String, payload: [UInt8]) async throws -> Double {
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        let keys = (0..<1_000).map { "k\($0)" }
        let clock = ContinuousClock()
        let start = clock.now
        // One bulk call, as the outbox relay and payroll batches use it: enqueue everything, then await the reports.
        let batch = (0..<messages).map { KafkaOutgoingMessage(topic: topic, key: keys[$0 % keys.count], value: payload) }
        for result in await producer.send(batch) { _ = try result.get() }
        let rate = Double(messages) / (clock.now - start).seconds
        await producer.close()
        return rate
    }

    private func consumeWrapped(topic: String) async throws -> Double {
        var configuration = kafka
        configuration.properties["session.timeout.ms"] = "6000"
        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: "stride-bench-\(UUID().uuidString)", topics: [topic], logger: logger)
        let clock = ContinuousClock()
        var received = 0
        var first: ContinuousClock.Instant?
        var firstBatch = 0
        let deadline = clock.now + .seconds(120)
        while received < messages, clock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 1_000)
            // Time from the first batch, and count only what came after it, as the raw run does.
            if first == nil, !batch.isEmpty { first = clock.now; firstBatch = batch.count }
            received += batch.count
        }
        let elapsed = clock.now - (first ?? clock.now)
        await consumer.close()
        guard received >= messages else { throw BenchError("wrapped consume: only \(received) of \(messages) arrived") }
        return Double(received - firstBatch) / elapsed.seconds
    }
}
