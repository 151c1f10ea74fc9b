import StrideBenchKit
import Foundation
import Logging
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime

/// Progress updates through the real goals service over HTTP: `POST /v1/goals/{id}/progress`
/// at a fixed open-loop rate (achieved rate, p50, p99) and at the most a few connections can
/// push (closed loop). Each request runs the service's whole write: JWT check, idempotency key,
/// goal lock, access check, period share-lock, goal update with its audit row, history line,
/// outbox events, commit; the outbox relay publishes them meanwhile.
struct GoalsProgressBench {
    let kafka: KafkaConfiguration
    let url: String
    let goals: Int
    let rate: Int
    let seconds: Int
    let connections: Int
    let closedLoopConnections: Int
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchGoalsService.start(
            url: url, kafka: kafka, poolSize: max(10, closedLoopConnections + 2), logger: logger)
        do {
            try await measure(service, into: &report)
        } catch {
            await service.stop()
            throw error
        }
        await service.stop()
    }

    private func measure(_ service: BenchGoalsService, into report: inout BenchReport) async throws {
        let perEmployee = 5
        let employees = max(1, (goals + perEmployee - 1) / perEmployee)
        let schema = service.schema
        try await service.core.pool.transaction { connection in
            try await GoalsBenchSeed.employees(employees, schema: schema, on: connection)
            let periodID = try await GoalsBenchSeed.openYear(schema: schema, on: connection)
            try await GoalsBenchSeed.goals(
                perEmployee: perEmployee, employees: employees, periodID: periodID, schema: schema, on: connection)
        }
        let rows = try await service.core.pool.query("SELECT goal_id, owner_id FROM \(unescaped: schema).goals ORDER BY goal_id")
        var tokens: [String: String] = [:]
        var targets: [HTTPLoad.Target] = []
        var owners: [String] = []
        for row in rows {
            let owner = try row.decode("owner_id", as: String.self)
            owners.append(owner)
            if tokens[owner] == nil {
                tokens[owner] = "Bearer " + (try await service.issuer.issue(subject: owner, roles: [.employee]))
            }
            targets.append(HTTPLoad.Target(path: "/v1/goals/\(try row.decode("goal_id", as: String.self))/progress", authorization: tokens[owner]!))
        }
        let load = HTTPLoad(port: service.port, targets: targets, expectedStatus: 201) { index in
            #"{"value": "\#((index &* 37) % 1_200)", "comment": "weekly update"}"#
        }

        // Warm-up: connections, the pool, caches; not counted.
        _ = try check(try await load.closedLoop(seconds: 2, connections: connections, firstKey: 0), "warm-up")

        let open = try check(
            try await load.openLoop(rate: rate, seconds: seconds, connections: connections, firstKey: 1_000_000_000), "open loop")
        let label = "\(rate)/s × \(seconds) s, \(connections) conns"
        report.add("Goals progress POST, open loop \(label)", open.throughput, "req/s", target: ">= \(rate) req/s")
        report.add("Goals progress POST p50 at \(rate) req/s", open.latencies.percentile(50), "ms")
        report.add("Goals progress POST p99 at \(rate) req/s", open.latencies.percentile(99), "ms", target: "< 100 ms")

        let closed = try check(
            try await load.closedLoop(seconds: seconds, connections: closedLoopConnections, firstKey: 2_000_000_000), "closed loop")

        // The ceiling: one INSERT of a progress-sized row per round trip, autocommit, as many connections.
        try await service.core.pool.execute("""
            CREATE TABLE \(unescaped: schema).bench_raw_progress (LIKE \(unescaped: schema).goal_progress INCLUDING ALL)
            """)
        try await service.core.pool.execute("""
            CREATE TABLE \(unescaped: schema).bench_raw_outbox (LIKE \(unescaped: schema).outbox INCLUDING ALL)
            """)
        let goalIDs = targets.map { String($0.path.dropFirst("/v1/goals/".count).dropLast("/progress".count)) }
        let inserts = max(5_000, Int(closed.throughput * 3))
        let raw = try await RawPostgresCeiling.concurrentStatements(
            url: url, sql: """
                INSERT INTO \(schema).bench_raw_progress
                    (progress_id, goal_id, actor_id, origin, previous_value, current_value, previous_progress, progress, comment, recorded_at)
                VALUES ($1, $2, $3, 'manual', $4, $5, $6, $7, 'weekly update', now())
                """,
            count: inserts, connections: closedLoopConnections
        ) { index in
            let value = (index &* 37) % 1_200
            return ["raw-\(index)", goalIDs[index % goalIDs.count], "emp-0000001", "\(value / 2)", "\(value)", "\(value / 20)", "\(value / 10)"]
        }
        report.add("Goals progress POST, closed loop \(closedLoopConnections) conns", closed.throughput, "req/s",
                   ceiling: raw, ceilingName: "raw libpq 1-row INSERT, \(closedLoopConnections) conns")

        // The database's share alone: the statements one progress update runs, as a bare libpq
        // client would send them (one per round trip), with the goal's audit trigger, on the same goals.
        let goalOwners = owners
        let transactions = try await RawPostgresCeiling.concurrentTransactions(
            url: url, statements: ProgressTransaction.statements(schema: schema, channel: service.core.outbox.channel),
            count: max(3_000, Int(closed.throughput * 3)), connections: closedLoopConnections
        ) { index in
            ProgressTransaction.parameters(index, goalID: goalIDs[index % goalIDs.count], ownerID: goalOwners[index % goalOwners.count])
        }
        report.add("Goals progress POST, closed loop \(closedLoopConnections) conns (against its statements)", closed.throughput, "req/s",
                   ceiling: transactions, ceilingName: "raw libpq, the same 10 statements per transaction, \(closedLoopConnections) conns")
        report.add("Goals progress POST p50, closed loop", closed.latencies.percentile(50), "ms")
        report.add("Goals progress POST p99, closed loop", closed.latencies.percentile(99), "ms")
    }

    private func check(_ result: HTTPLoad.Result, _ phase: String) throws -> HTTPLoad.Result {
        guard result.failures == 0 else {
            throw BenchError("goals progress \(phase): \(result.failures) of \(result.requests) requests failed; first: \(result.firstFailure ?? "?")")
        }
        return result
    }
}
