import Foundation
import Logging
import StrideContracts
import StrideKafka
import StrideRuntime
import Synchronization

/// Counts, per type, the events one service emits on one topic from the moment it starts: reads
/// the topic as a consumer group of its own from the partitions' ends, keeping the events whose
/// CloudEvents source is the service's and whose time is not before `since` (the development
/// broker may report a partition's end a little short, so a few older records can be read again).
package final class EventCounter: Sendable {
    private let consumer: KafkaConsumer
    private let source: String
    private let since: Date
    private let counts = Mutex<[String: Int]>([:])
    private let failure = Mutex<String?>(nil)

    private init(consumer: KafkaConsumer, source: String, since: Date) {
        self.consumer = consumer
        self.source = source
        self.since = since
    }

    /// Joins and moves to the end of every partition before returning, so everything emitted
    /// afterwards is counted.
    package static func start(
        topic: String, source: String, since: Date, kafka: KafkaConfiguration, logger: Logger
    ) async throws -> EventCounter {
        var configuration = kafka
        configuration.properties["auto.offset.reset"] = "latest"
        configuration.properties["session.timeout.ms"] = "6000"
        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: "stride-demo-\(UUID().uuidString.prefix(8))", topics: [topic], logger: logger)
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if try await !consumer.assignment().isEmpty {
                _ = try await consumer.seekToEnd()
                return EventCounter(consumer: consumer, source: source, since: since)
            }
            _ = try await consumer.poll(maxMessages: 100, timeout: .milliseconds(100))
        }
        await consumer.close()
        throw DemoError("reading \(topic) did not get going within 60 s")
    }

    /// Reads until cancelled.
    package func run() async {
        while !Task.isCancelled {
            do {
                for message in try await consumer.poll(maxMessages: 500, timeout: .milliseconds(200)) {
                    guard let metadata = try? EventCodec.decodeMetadata(headers: message.eventHeaders), metadata.source == source,
                        metadata.time >= since
                    else { continue }
                    counts.withLock { $0[metadata.type, default: 0] += 1 }
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
                return
            }
        }
    }

    /// How many events of each type have been seen.
    package var snapshot: [String: Int] { counts.withLock { $0 } }

    /// Why reading stopped, if it did.
    package var error: String? { failure.withLock { $0 } }

    /// Waits until `condition` holds for the counts, or `timeout` passes; whether it held.
    package func wait(timeout: Duration, until condition: ([String: Int]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if condition(snapshot) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return condition(snapshot)
    }

    package func close() async { await consumer.close() }

    /// One line of a check: an event type, the name printed for it, and how many the demo's
    /// actions should have caused.
    package struct Expectation: Sendable {
        package var type: String
        package var name: String
        package var count: Int

        package init(_ type: String, _ name: String, _ count: Int) {
            self.type = type
            self.name = name
            self.count = count
        }
    }

    /// Waits (up to a minute) until every expected count is reached, then prints each type's
    /// count seen next to the count expected on `console`.
    /// - Throws: ``DemoError`` when reading `topic` failed or any count differs.
    package func check(_ expected: [Expectation], topic: String, on console: DemoConsole) async throws {
        let arrived = await wait(timeout: .seconds(60)) { counts in expected.allSatisfy { counts[$0.type, default: 0] >= $0.count } }
        try await Task.sleep(for: .milliseconds(500))
        let counts = snapshot
        if let error { throw DemoError("reading \(topic) failed: \(error)") }
        console.say("   " + DemoFormat.left("event", 36) + DemoFormat.right("seen", 8) + DemoFormat.right("expected", 10))
        var mismatches: [String] = []
        for expectation in expected {
            let seen = counts[expectation.type, default: 0]
            let want = expectation.count
            console.say(
                "   " + DemoFormat.left(expectation.name, 36) + DemoFormat.right(DemoFormat.count(seen), 8)
                    + DemoFormat.right(DemoFormat.count(want), 10) + (seen == want ? " ✓" : " ✗"))
            if seen != want { mismatches.append("\(expectation.name): \(seen) seen, \(want) expected") }
        }
        guard arrived, mismatches.isEmpty else {
            throw DemoError("the events on \(topic) do not match what happened: \(mismatches.joined(separator: "; "))")
        }
    }
}
