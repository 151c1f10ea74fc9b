import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals
import StrideKafka
import StrideRuntime

extension GoalsDemo {
    /// Creates every catalog topic (and its `.dlq`) and starts reading `stride.goals.v1`.
    func startWatching() async throws -> EventWatcher {
        try await KafkaAdmin.createTopics(TopicCatalog.specs(), configuration: kafka, logger: logger)
        console.say("   \(TopicCatalog.specs().count) topics ready: \(StrideTopic.allCases.count) catalog topics and their .dlq")
        return try EventWatcher(kafka: kafka, since: startedAt, console: console, logger: logger)
    }

    /// Waits until the watcher has joined its group and read past what was already on the topic,
    /// so it sees this run's events as they happen.
    func catchUp(_ watcher: EventWatcher) async throws {
        let started = ContinuousClock.now
        guard await watcher.wait(timeout: .seconds(60), until: \.caughtUp) else {
            throw DemoError(
                "reading \(StrideTopic.goals.rawValue) as group \(watcher.groupID) did not get going within 60 s"
                    + (watcher.snapshot.failure.map { ": \($0)" } ?? ""))
        }
        console.say(
            "   reading \(StrideTopic.goals.rawValue) from the start as consumer group \(watcher.groupID), as coaching or analytics would:",
            "   joined and past \(DemoFormat.count(watcher.snapshot.skipped)) earlier events in \(DemoFormat.seconds(ContinuousClock.now - started))"
                + (console.isLive ? "; this run's events show live below" : ""))
    }

    /// Publishes the HRIS export as `EmployeeUpserted` events, as `stride org import` does.
    func publishOrg() async throws {
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        let messages = try org.employees.map {
            KafkaOutgoingMessage(try EventCodec.encode($0, source: "/stride/cli/org-import"))
        }
        let failures = await producer.send(messages).filter { if case .failure = $0 { true } else { false } }.count
        await producer.close()
        guard failures == 0 else { throw DemoError("\(failures) of \(messages.count) employees could not be published") }
        let managers = org.managers.count
        console.say(
            "   \(DemoFormat.count(messages.count)) EmployeeUpserted events from \(orgFile): "
                + "\(org.departments.count) departments, \(managers) managers, \(org.levels) levels",
            "   stride-goals projects them into its org directory (reporting lines for access and approval)")
    }

    /// The share of `period` that has passed today, e.g. "89.6 %".
    func elapsedShare(of period: GoalPeriod) -> String {
        let total = period.endsOn.startOfDayUTC.timeIntervalSince(period.startsOn.startOfDayUTC)
        let elapsed = CalendarDate(utc: Date()).startOfDayUTC.timeIntervalSince(period.startsOn.startOfDayUTC)
        return DemoFormat.percent(max(0, min(1, total > 0 ? elapsed / total : 1)) * 100)
    }
}
