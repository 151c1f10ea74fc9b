import Foundation
import Logging
import StrideBenchKit
import StrideKafka
import StridePostgres
import StrideRuntime

/// Check-ins through the coaching service's HTTP API, closed loop (as many as the connections
/// can push), next to raw single-row INSERTs of a check-in-sized row in the same run, and to the
/// goals progress rate when that suite ran before it. Each request is an employee's own check-in
/// with an `Idempotency-Key`: JWT check, idempotency key, org lookup, the pair's cadence
/// (locked), the check-in row, the outbox row, the stored response, commit.
struct CheckInBench {
    let kafka: KafkaConfiguration
    let url: String
    let employees: Int
    let seconds: Int
    let connections: Int
    let memory: MemorySampler
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchCoachingService.start(url: url, kafka: kafka, poolSize: max(10, connections + 2), logger: logger)
        memory.start()
        try await service.use { service in try await measure(service, into: &report) }
    }

    private func measure(_ service: BenchCoachingService, into report: inout BenchReport) async throws {
        let schema = service.schema
        try await service.pool.transaction { connection in
            try await CoachingBenchSeed.org(employees + 1, schema: schema, on: connection)
        }
        var targets: [HTTPLoad.Target] = []
        for index in 2...(employees + 1) {
            let employee = CoachingBenchSeed.employeeID(index)
            targets.append(HTTPLoad.Target(
                path: "/v1/employees/\(employee)/check-ins", authorization: try await service.bearer(employee, roles: [.employee])))
        }
        let load = HTTPLoad(port: service.port, targets: targets, expectedStatus: 201) { index in
            #"{"what_moved": "Closed \#(index % 7) review items", "blockers": ["waiting on design"], "confidence": \#(1 + index % 5)}"#
        }
        _ = try check(try await load.closedLoop(seconds: 2, connections: connections, firstKey: 0), "warm-up")
        let closed = try check(try await load.closedLoop(seconds: seconds, connections: connections, firstKey: 1_000_000_000), "closed loop")

        // The ceiling: one INSERT of a check-in-sized row per round trip, autocommit, as many connections.
        try await service.pool.execute("""
            CREATE TABLE \(unescaped: schema).bench_raw_check_ins (LIKE \(unescaped: schema).check_ins INCLUDING ALL)
            """)
        let raw = try await RawPostgresCeiling.concurrentStatements(
            url: url, sql: """
                INSERT INTO \(schema).bench_raw_check_ins
                    (check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved, blockers, confidence, created_by)
                VALUES ($1, $2, $3, current_date, 'biweekly', true, $4, '{"waiting on design"}', $5, $2)
                """,
            count: max(5_000, Int(closed.throughput * 3)), connections: connections
        ) { index in
            let employee = 2 + index % employees
            return ["raw-\(index)", CoachingBenchSeed.employeeID(employee),
                    CoachingBenchSeed.employeeID(CoachingBenchSeed.managerIndex(of: employee) ?? 1),
                    "Closed \(index % 7) review items", "\(1 + index % 5)"]
        }
        report.add("Coaching check-in POST, closed loop \(connections) conns", closed.throughput, "req/s",
                   ceiling: raw, ceilingName: "raw libpq 1-row INSERT, \(connections) conns")
        report.add("Coaching check-in POST p50, closed loop", closed.latencies.percentile(50), "ms")
        report.add("Coaching check-in POST p99, closed loop", closed.latencies.percentile(99), "ms")
        if let progress = report.lines.first(where: { $0.name.hasPrefix("Goals progress POST, closed loop") }) {
            report.add("Coaching check-ins vs goals progress (same run)", closed.throughput, "req/s",
                       ceiling: progress.figure, ceilingName: "goals progress, closed loop", target: ">= 100%")
        }
    }

    private func check(_ result: HTTPLoad.Result, _ phase: String) throws -> HTTPLoad.Result {
        guard result.failures == 0 else {
            throw BenchError("coaching check-ins \(phase): \(result.failures) of \(result.requests) requests failed; first: \(result.firstFailure ?? "?")")
        }
        return result
    }
}
