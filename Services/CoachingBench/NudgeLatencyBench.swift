import Foundation
import Logging
import StrideBenchKit
import StrideCoaching
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

/// `GoalAtRisk` → agenda item: `GoalAtRisk` events for distinct goals published at a fixed rate
/// to the service's goals topic, each stamped (`ce_time`) as it is handed to the producer; the
/// service puts each on the owner's next 1:1 and records the nudge. The latency of each is the
/// nudge row's commit-side `created_at` minus the event's time, as the timeline's `latency_ms`
/// shows it (same machine, same clock).
struct NudgeLatencyBench {
    let kafka: KafkaConfiguration
    let url: String
    let rate: Int
    let seconds: Int
    let memory: MemorySampler
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchCoachingService.start(url: url, kafka: kafka, poolSize: 8, logger: logger)
        memory.start()
        try await service.use { service in try await measure(service, into: &report) }
    }

    private func measure(_ service: BenchCoachingService, into report: inout BenchReport) async throws {
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        do {
            try await measure(service, producer: producer, into: &report)
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
    }

    private func measure(_ service: BenchCoachingService, producer: KafkaProducer, into report: inout BenchReport) async throws {
        let topic = service.core.settings.goalsTopic
        let today = CalendarDate(utc: Date())
        func events(_ range: Range<Int>) throws -> [KafkaOutgoingMessage] {
            try range.map { index in
                // Two goals per owner, 4,000 owners under 500 managers: the second goal of an owner
                // joins the 1:1 the first one created.
                let owner = 2 + index / 2 % 4_000
                let event = GoalAtRisk(
                    goalID: "bench-goal-\(index)", ownerID: CoachingBenchSeed.employeeID(owner),
                    managerID: CoachingBenchSeed.employeeID(CoachingBenchSeed.managerIndex(of: owner) ?? 1),
                    periodID: "bench-year", title: "Bench goal \(index)", assessedOn: today,
                    expectedProgressPercent: 50, actualProgressPercent: 30, deviationPoints: 20)
                var message = KafkaOutgoingMessage(try EventCodec.encode(event, source: "/stride/goals"))
                message.topic = topic
                return message
            }
        }

        // Warm-up at the same rate for two seconds: the group's members have their partitions,
        // the pool and the statements are hot; not counted.
        let perTick = max(1, rate / 100)
        let warmUp = 200 * perTick
        try await publishPaced(ticks: 200, perTick: perTick, from: 0, events: events, producer: producer)
        try await waitForNudges(warmUp, service: service)

        let ticks = seconds * 100
        let publishing = ContinuousClock.now
        try await publishPaced(ticks: ticks, perTick: perTick, from: warmUp, events: events, producer: producer)
        let arriving = ContinuousClock.now - publishing
        let total = warmUp + ticks * perTick
        try await waitForNudges(total, service: service)
        let drained = ContinuousClock.now - publishing

        let rows = try await service.pool.query("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
                   max(ms) AS worst, count(*)::int AS nudges
            FROM (SELECT extract(epoch FROM created_at - at_risk_at) * 1000 AS ms FROM \(unescaped: service.schema).nudges
                  WHERE goal_id NOT IN (SELECT 'bench-goal-' || i FROM generate_series(0, \(warmUp - 1)) AS i)) AS n
            """)
        guard let row = rows.first, try row.decode("nudges", as: Int.self) == ticks * perTick else {
            throw BenchError("coaching nudges: not one nudge per GoalAtRisk")
        }
        report.add("Coaching nudge GoalAtRisk→agenda p50 at \(rate) events/s", try row.decode("p50", as: Double.self), "ms")
        report.add("Coaching nudge GoalAtRisk→agenda p99 at \(rate) events/s", try row.decode("p99", as: Double.self), "ms", target: "< 250 ms")
        report.add("Coaching nudge GoalAtRisk→agenda max at \(rate) events/s", try row.decode("worst", as: Double.self), "ms")
        // Handled ÷ arrived: a consumer that keeps up finishes within a nudge's latency of the
        // last event's arrival, so the ratio approaches 100% (it cannot pass it).
        report.add("Coaching nudges handled (events ÷ time to the last nudge)", Double(ticks * perTick) / drained.seconds, "events/s",
                   ceiling: Double(ticks * perTick) / arriving.seconds, ceilingName: "arriving",
                   target: "keeps up with \(rate) events/s")
    }

    /// Publishes `perTick` events every 10 ms for `ticks` ticks, from event number `first` on,
    /// without waiting for one tick's deliveries before the next tick.
    private func publishPaced(
        ticks: Int, perTick: Int, from first: Int, events: (Range<Int>) throws -> [KafkaOutgoingMessage], producer: KafkaProducer
    ) async throws {
        let clock = ContinuousClock()
        let paced = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for tick in 0..<ticks {
                let start = first + tick * perTick
                let batch = try events(start..<start + perTick)
                group.addTask { try await publish(batch, with: producer) }
                try await clock.sleep(until: paced + .milliseconds(10 * (tick + 1)))
            }
            try await group.waitForAll()
        }
    }

    /// Stamps nothing itself: each event's `ce_time` was set when it was encoded, just before this.
    private func publish(_ messages: [KafkaOutgoingMessage], with producer: KafkaProducer) async throws {
        for result in await producer.send(messages) {
            if case .failure(let error) = result { throw BenchError("coaching nudges: publishing failed: \(error)") }
        }
    }

    private func waitForNudges(_ count: Int, service: BenchCoachingService) async throws {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let rows = try await service.pool.query("SELECT count(*)::int FROM \(unescaped: service.schema).nudges")
            if try rows.first?.decode(0, as: Int.self) ?? 0 >= count { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("coaching nudges: \(service.schema).nudges never reached \(count) rows within 180 s")
    }
}
