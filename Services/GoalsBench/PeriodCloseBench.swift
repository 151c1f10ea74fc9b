import StrideBenchKit
import Foundation
import Logging
import StrideContracts
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime

/// Period close at enterprise scale inside the running goals service: `employees` × `perEmployee`
/// active KPI goals seeded set-based, then `GoalsCore.closePeriod` timed (freeze, score, one
/// attainment row and one `AttainmentFinalized` per employee through the outbox, one
/// transaction), then the time until the service's outbox relay has published every row.
/// Ceilings from the same run: raw libpq `COPY` of as many outbox rows of the same size into
/// a copy of the outbox table, and raw librdkafka produce of as many messages of the same size.
struct PeriodCloseBench {
    let kafka: KafkaConfiguration
    let url: String
    let employees: Int
    let perEmployee: Int
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchGoalsService.start(url: url, kafka: kafka, poolSize: 6, logger: logger)
        do {
            try await measure(service, into: &report)
        } catch {
            await service.stop()
            throw error
        }
        await service.stop()
    }

    private func measure(_ service: BenchGoalsService, into report: inout BenchReport) async throws {
        let schema = service.schema, pool = service.core.pool
        let employees = self.employees, perEmployee = self.perEmployee
        let clock = ContinuousClock()
        let seeding = clock.now
        let periodID = try await pool.transaction { connection in
            try await GoalsBenchSeed.employees(employees, schema: schema, on: connection)
            let periodID = try await GoalsBenchSeed.openYear(schema: schema, on: connection)
            try await GoalsBenchSeed.goals(
                perEmployee: perEmployee, employees: employees, periodID: periodID, schema: schema, on: connection)
            return periodID
        }
        // As autovacuum would have long before a period closes; then start from a clean checkpoint.
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).goals")
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).org_employees")
        _ = try? await pool.execute("CHECKPOINT")
        print("  (seeded \(employees) employees × \(perEmployee) goals in \(String(format: "%.1f", (clock.now - seeding).seconds)) s)")

        let events = employees + 1  // one AttainmentFinalized each, and GoalPeriodClosed
        let sample = try sampleEvent(service)
        let headers = String(decoding: try JSONEncoder().encode(sample.headers.map { [$0.name, $0.value] }), as: UTF8.self)
        let row = OutboxCeilings.SampleRow(
            topic: sample.topic, eventType: sample.headers.first { $0.name == "ce_type" }?.value ?? "", headers: headers,
            payload: String(decoding: sample.value, as: UTF8.self))
        let rawCopy = try await OutboxCeilings.copy(
            url: url, schema: schema, sample: row, count: events, logger: logger) { GoalsBenchSeed.employeeID($0) }
        let rawProduce = try await OutboxCeilings.produce(kafka: kafka, payload: sample.value, count: events, logger: logger)

        let before = try await OutboxCeilings.written(schema: schema, pool: pool)
        let closing = clock.now
        let result = try await service.core.closePeriod(periodID, by: Principal(subject: "bench-hr", roles: [.hr]))
        let closeSeconds = (clock.now - closing).seconds
        let relaying = clock.now
        // Each employee's attainment row says what their event says — checked on the rows the
        // relay has not delivered (and deleted) yet, at once, while it publishes.
        let mismatched = try await pool.query("""
            SELECT count(*) FROM \(unescaped: schema).attainments a
            JOIN \(unescaped: schema).outbox o ON o.partition_key = a.employee_id AND o.event_type = \(AttainmentFinalized.eventType)
            WHERE a.goals <> (o.payload::jsonb)->'goals'
               OR a.weighted_percent <> ((o.payload::jsonb)->>'weighted_attainment_percent')::numeric
               OR jsonb_array_length(a.goals) <> \(perEmployee)
            """)[0].decode(0, as: Int.self)
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, timeout: .seconds(600), what: "period close")
        let relaySeconds = (clock.now - relaying).seconds
        guard result.ownerCount == employees, result.goalCount == employees * perEmployee else {
            throw BenchError("period close: finalized \(result.ownerCount) employees and \(result.goalCount) goals")
        }
        let written = try await OutboxCeilings.written(schema: schema, pool: pool) - before
        guard written == events else { throw BenchError("period close: \(written) outbox rows, expected \(events)") }
        guard mismatched == 0 else { throw BenchError("period close: \(mismatched) attainment rows differ from their events") }

        let size = "\(employees.formatted()) employees × \(perEmployee) goals"
        report.add("Period close, \(size)", closeSeconds, "s", target: "< 60 s")
        report.add("Period close: events into the outbox", Double(events) / closeSeconds, "events/s",
                   ceiling: rawCopy, ceilingName: "raw libpq COPY, same rows")
        report.add("Period close: relay outbox → Kafka", Double(events) / relaySeconds, "events/s",
                   ceiling: rawProduce, ceilingName: "raw librdkafka produce, same size")
    }

    /// An `AttainmentFinalized` of five goals as close writes it, encoded by the service's outbox.
    private func sampleEvent(_ service: BenchGoalsService) throws -> EncodedEvent {
        let lines = (1...perEmployee).map { index in
            GoalAttainment(
                goalID: GoalsIdentifier.make(), title: "Grow ARR, part \(index)", kind: .kpi, status: .active,
                weight: Decimal(100 / perEmployee), attainmentPercent: Decimal(string: "84.7")!, weightedPoints: Decimal(string: "16.94")!)
        }
        let today = CalendarDate(utc: Date())
        return try service.core.outbox.encode(AttainmentFinalized(
            employeeID: GoalsBenchSeed.employeeID(employees), periodID: GoalsIdentifier.make(),
            periodStartsOn: CalendarDate(year: today.year, month: 1, day: 1), periodEndsOn: CalendarDate(year: today.year, month: 12, day: 31),
            actorID: "bench-hr", version: 1, goals: lines, weightedAttainmentPercent: Decimal(string: "84.7")!))
    }
}
