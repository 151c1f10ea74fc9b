import Foundation
import Logging
import StrideContracts
import StrideDemoKit
import StrideKafka
import StrideRuntime
import Synchronization

/// Reads `stride.goals.v1` the way a downstream consumer (coaching, appraisal, analytics) would:
/// its own consumer group from the earliest offset, keeping the events the goals service
/// emitted during this run about this run's period (a period an interrupted earlier run left
/// open may still move, e.g. with the same metric readings), counting them per type and showing
/// the latest ones as they arrive.
final class EventWatcher: Sendable {
    /// The goals events in catalog order, with their short names.
    static let catalog: [(type: String, name: String)] = [
        (GoalCreated.eventType, "GoalCreated"), (GoalUpdated.eventType, "GoalUpdated"),
        (GoalSubmitted.eventType, "GoalSubmitted"), (GoalApproved.eventType, "GoalApproved"),
        (GoalRejected.eventType, "GoalRejected"), (GoalStatusChanged.eventType, "GoalStatusChanged"),
        (GoalProgressRecorded.eventType, "GoalProgressRecorded"), (GoalAtRisk.eventType, "GoalAtRisk"),
        (GoalBackOnTrack.eventType, "GoalBackOnTrack"),
        (GoalPeriodClosed.eventType, "GoalPeriodClosed"), (AttainmentFinalized.eventType, "AttainmentFinalized"),
    ]
    static let source = "/stride/goals"

    /// What has been seen so far.
    struct Snapshot: Sendable {
        var counts: [String: Int] = [:]
        var total = 0
        var recent: [(name: String, key: String, subject: String)] = []
        /// The latest `GoalAtRisk` per goal id.
        var atRisk: [String: GoalAtRisk] = [:]
        var finalizedEmployees: Set<String> = []
        var lastArrival = ContinuousClock.now
        /// The group has its partitions and has read past everything already on the topic.
        var caughtUp = false
        /// Events that were on the topic before this run (earlier runs, tests), read and skipped.
        var skipped = 0
        var failure: String?

        func count(_ type: String) -> Int { counts[type] ?? 0 }
    }

    private let consumer: KafkaConsumer
    private let since: Date
    private let console: DemoConsole
    private let state = Mutex(Snapshot())
    /// The period whose events count; none before the demo opens it.
    private let period = Mutex<String?>(nil)

    /// - Parameters:
    ///   - since: events older than this (earlier runs, other services' tests) are skipped.
    init(kafka: KafkaConfiguration, since: Date, console: DemoConsole, logger: Logger) throws {
        var configuration = kafka
        configuration.properties["auto.offset.reset"] = "earliest"
        configuration.properties["session.timeout.ms"] = "6000"
        configuration.properties["fetch.wait.max.ms"] = "50"
        consumer = try KafkaConsumer(
            configuration: configuration, groupID: "stride-demo-\(UUID().uuidString.prefix(8).lowercased())",
            topics: [StrideTopic.goals.rawValue], logger: logger)
        self.since = since
        self.console = console
    }

    var groupID: String { consumer.groupID }

    var snapshot: Snapshot { state.withLock { $0 } }

    /// Counts the events about `periodID` from now on.
    func watch(period periodID: String) {
        period.withLock { $0 = periodID }
    }

    /// Polls until cancelled; a failure is recorded in the snapshot.
    func run() async {
        var lastDrawn = ContinuousClock.now
        while !Task.isCancelled {
            do {
                let messages = try await consumer.poll(maxMessages: 5_000, timeout: .milliseconds(200))
                if messages.isEmpty, !snapshot.caughtUp, try await !consumer.assignment().isEmpty, await consumer.lag() == 0 {
                    state.withLock {
                        $0.caughtUp = true
                        $0.lastArrival = .now
                    }
                }
                guard record(messages) else { continue }
                if ContinuousClock.now - lastDrawn > .milliseconds(150) {
                    lastDrawn = .now
                    console.footer(footerLines(snapshot))
                }
            } catch {
                if Task.isCancelled { break }
                state.withLock { $0.failure = "\(error)" }
                return
            }
        }
    }

    /// Waits until `condition` holds for what has been seen, or `timeout` passes.
    /// - Returns: whether the condition held.
    func wait(timeout: Duration, until condition: (Snapshot) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let seen = snapshot
            if condition(seen) || seen.failure != nil { return condition(seen) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition(snapshot)
    }

    /// Waits until nothing new has arrived for `quiet`, or `timeout` passes.
    func settle(quiet: Duration = .milliseconds(750), timeout: Duration = .seconds(10)) async {
        _ = await wait(timeout: timeout) { ContinuousClock.now - $0.lastArrival > quiet }
    }

    func close() async {
        await consumer.close()
    }

    /// Keeps this run's goals events; true when any were new.
    private func record(_ messages: [KafkaConsumerMessage]) -> Bool {
        var kept: [(EventMetadata, KafkaConsumerMessage)] = []
        let periodID = period.withLock { $0 }
        for message in messages {
            // Most of a busy topic is other producers' (benchmarks, tests): skip them on one header.
            guard message.header(EventHeader.sourceName) == Self.source,
                let metadata = try? EventCodec.decodeMetadata(headers: message.eventHeaders),
                metadata.source == Self.source, metadata.time >= since, let periodID,
                (try? JSONDecoder().decode(PeriodScope.self, from: Data(message.value)))?.periodID == periodID
            else { continue }
            kept.append((metadata, message))
        }
        state.withLock { $0.skipped += messages.count - kept.count }
        guard !kept.isEmpty else { return false }
        state.withLock { seen in
            for (metadata, message) in kept {
                seen.counts[metadata.type, default: 0] += 1
                seen.total += 1
                let name = Self.catalog.first { $0.type == metadata.type }?.name ?? metadata.type
                seen.recent.append((name, message.keyString ?? "", metadata.subject ?? ""))
                if metadata.type == GoalAtRisk.eventType,
                    let event = try? EventCodec.decodePayload(GoalAtRisk.self, from: message.value) {
                    seen.atRisk[event.goalID] = event
                }
                if metadata.type == AttainmentFinalized.eventType { seen.finalizedEmployees.insert(message.keyString ?? "") }
            }
            seen.recent = Array(seen.recent.suffix(3))
            seen.lastArrival = .now
        }
        return true
    }

    /// The live footer: counts per type on two lines, then the latest three events.
    private func footerLines(_ seen: Snapshot) -> [String] {
        let counts = Self.catalog.compactMap { entry in
            seen.count(entry.type) > 0 ? "\(entry.name.replacingOccurrences(of: "Goal", with: "")) \(DemoFormat.count(seen.count(entry.type)))" : nil
        }
        let half = (counts.count + 1) / 2
        var lines = ["   ⇢ \(StrideTopic.goals.rawValue): \(DemoFormat.count(seen.total)) events · " + counts.prefix(half).joined(separator: " · ")]
        if counts.count > half { lines.append("     " + counts.dropFirst(half).joined(separator: " · ")) }
        for event in seen.recent {
            lines.append("     \(DemoFormat.left(event.name, 22)) key \(DemoFormat.left(event.key, 12)) subject \(event.subject)")
        }
        return lines
    }
}

/// The `period_id` every goals event carries.
private struct PeriodScope: Decodable {
    var periodID: String

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
    }
}
