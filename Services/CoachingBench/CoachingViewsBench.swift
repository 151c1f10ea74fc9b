import Foundation
import Logging
import NIOHTTP1
import StrideBenchKit
import StrideKafka
import StridePostgres
import StrideRuntime

/// The views people open most, over a company of `employees` with a year of coaching records
/// (about 100 rows per employee, so ten million at 100,000 employees), seeded set-based: an
/// employee's timeline (as the employee) and a manager's team board (as the manager), each
/// through HTTP, closed loop on a few connections, over a spread of people. The seed time and
/// the row count are printed with the figures.
struct CoachingViewsBench {
    let kafka: KafkaConfiguration
    let url: String
    let employees: Int
    let seconds: Int
    let connections: Int
    let memory: MemorySampler
    let logger: Logger

    /// How many different people each view is opened for.
    static let sampled = 2_000

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchCoachingService.start(url: url, kafka: kafka, poolSize: max(6, connections + 2), logger: logger)
        memory.start()
        try await service.use { service in try await measure(service, into: &report) }
    }

    private func measure(_ service: BenchCoachingService, into report: inout BenchReport) async throws {
        let schema = service.schema
        let seeding = ContinuousClock.now
        let rows = try await service.pool.transaction { connection in
            try await CoachingBenchSeed.org(employees, schema: schema, on: connection)
            return try await CoachingBenchSeed.year(employees: employees, checkInsPerEmployee: 40, schema: schema, on: connection)
        }
        try await service.pool.withConnection { connection in
            for table in ["org_employees", "check_in_cadences", "check_ins", "one_on_ones", "agenda_items", "action_items",
                          "feedback", "evidence", "goals"] {
                try await connection.execute(PostgresQuery(unsafeSQL: "ANALYZE \(schema).\(table)"))
            }
        }
        let seeded = ContinuousClock.now - seeding
        print("coaching views: seeded \(rows) rows for \(employees) employees in \(String(format: "%.1f", seeded.seconds)) s")

        let people = Self.spread(Self.sampled, over: 2...employees)
        var timelines: [HTTPLoad.Target] = []
        for index in people {
            let employee = CoachingBenchSeed.employeeID(index)
            timelines.append(HTTPLoad.Target(
                .GET, path: "/v1/employees/\(employee)/timeline", authorization: try await service.bearer(employee, roles: [.employee])))
        }
        var boards: [HTTPLoad.Target] = []
        for index in Self.spread(Self.sampled, over: 1...CoachingBenchSeed.managerCount(in: employees)) {
            let manager = CoachingBenchSeed.employeeID(index)
            boards.append(HTTPLoad.Target(
                .GET, path: "/v1/managers/\(manager)/team-board",
                authorization: try await service.bearer(manager, roles: [.employee, .manager])))
        }
        let label = "\(Self.number(rows)) rows, \(Self.number(employees)) employees"
        for (name, targets, target) in [("timeline", timelines, "< 50 ms"), ("team board", boards, "< 100 ms")] {
            let load = HTTPLoad(port: service.port, targets: targets, expectedStatus: 200)
            _ = try check(try await load.closedLoop(seconds: 2, connections: connections, firstKey: 0), name, "warm-up")
            let result = try check(try await load.closedLoop(seconds: seconds, connections: connections, firstKey: 0), name, "closed loop")
            report.add("Coaching \(name) GET p50 (\(label))", result.latencies.percentile(50), "ms")
            report.add("Coaching \(name) GET p99 (\(label))", result.latencies.percentile(99), "ms", target: target)
            report.add("Coaching \(name) GET, closed loop \(connections) conns", result.throughput, "req/s")
        }
    }

    /// `count` values spread evenly over `range` (all of it when it is smaller).
    static func spread(_ count: Int, over range: ClosedRange<Int>) -> [Int] {
        let width = range.count
        guard width > count else { return Array(range) }
        return (0..<count).map { range.lowerBound + $0 * width / count }
    }

    static func number(_ value: Int) -> String {
        value >= 1_000_000 ? String(format: "%.1fM", Double(value) / 1_000_000) : value >= 1_000 ? "\(value / 1_000)k" : "\(value)"
    }

    private func check(_ result: HTTPLoad.Result, _ view: String, _ phase: String) throws -> HTTPLoad.Result {
        guard result.failures == 0 else {
            throw BenchError("coaching \(view) \(phase): \(result.failures) of \(result.requests) requests failed; first: \(result.firstFailure ?? "?")")
        }
        return result
    }
}
