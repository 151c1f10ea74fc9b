import Foundation
import Logging
import NIOHTTP1
import StrideBenchKit
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

/// One review cycle for `employees` people inside the running appraisal service, as HR and the
/// employees drive it through HTTP:
///
/// 1. opening the cycle for everyone (one request: every appraisal and review request, and
///    their events into the outbox, in one transaction), then the relay publishing them;
/// 2. self reviews submitted through HTTP at `reviewRate` per second (open loop: p99);
/// 3. the remaining self and manager reviews and every attainment seeded set-based;
/// 4. scoring the whole cycle (one request), then the calibration distribution of a
///    `calibrationDepartments` × 5 % population read in a closed loop (p99);
/// 5. release (one request: one `AppraisalFinalized` each) and its publication.
///
/// Ceilings from the same run: raw libpq `COPY` of as many outbox rows as release writes, of the
/// same size, and raw librdkafka produce of as many messages of the same size.
struct AppraisalCycleBench {
    let kafka: KafkaConfiguration
    let url: String
    let employees: Int
    let calibrationDepartments: Int
    let reviewRate: Int
    let seconds: Int
    let memory: MemorySampler
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchAppraisalService.start(url: url, kafka: kafka, poolSize: 10, logger: logger)
        memory.start()
        try await service.use { service in try await measure(service, into: &report) }
    }

    private func measure(_ service: BenchAppraisalService, into report: inout BenchReport) async throws {
        let schema = service.schema, pool = service.pool
        let clock = ContinuousClock()
        try await pool.transaction { connection in try await BenchOrgSeed.org(employees, schema: schema, on: connection) }
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).org_employees")
        try await library(service)
        let size = "\(employees.formatted()) employees"

        // 1. Opening.
        let opening = clock.now
        let opened = try await service.call(.POST, "/v1/cycles", json: Self.cycleBody(today: CalendarDate(utc: Date())), expect: 201)
        let openSeconds = (clock.now - opening).seconds
        let cycleID = try Self.field("cycle_id", of: opened)
        let appraisals = try await count("appraisals", pool: pool, schema: schema)
        let requests = try await count("reviews", pool: pool, schema: schema)
        guard appraisals == employees else { throw BenchError("opening: \(appraisals) appraisals, expected \(employees)") }
        let relaying = clock.now
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "appraisal")
        let openRelaySeconds = (clock.now - relaying).seconds
        report.add("Appraisal cycle opening, \(size) (\(requests.formatted()) review requests)", openSeconds, "s", target: "< 10 s")
        report.add("Appraisal cycle opening: relay outbox → Kafka", Double(requests + 1) / openRelaySeconds, "events/s")

        // 2. Self reviews through HTTP, each request a review of its own.
        let reviews = try await pool.query("""
            SELECT review_id, reviewer_id FROM \(unescaped: schema).reviews WHERE rater_group = 'self' ORDER BY reviewer_id
            LIMIT \(reviewRate * (seconds + 2))
            """).map { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) }
        var targets: [HTTPLoad.Target] = []
        for (reviewID, reviewer) in reviews {
            targets.append(HTTPLoad.Target(
                .POST, path: "/v1/reviews/\(reviewID)/submit", authorization: try await service.bearer(reviewer, roles: [.employee])))
        }
        let body: @Sendable (Int) -> String? = { index in Self.reviewBody(level: 1 + index % 5) }
        let warmUp = HTTPLoad(port: service.port, targets: Array(targets.prefix(reviewRate * 2)), expectedStatus: 200, body: body)
        _ = try check(try await warmUp.openLoop(rate: reviewRate, seconds: 2, connections: 8, firstKey: 0), "warm-up")
        let load = HTTPLoad(port: service.port, targets: Array(targets.dropFirst(reviewRate * 2)), expectedStatus: 200, body: body)
        let submitted = try check(try await load.openLoop(rate: reviewRate, seconds: seconds, connections: 8, firstKey: 1_000_000), "submission")
        report.add("Appraisal review submit p50 at \(reviewRate) req/s", submitted.latencies.percentile(50), "ms")
        report.add("Appraisal review submit p99 at \(reviewRate) req/s", submitted.latencies.percentile(99), "ms", target: "< 50 ms")

        // 3. The rest as if everyone had written theirs; a goal attainment for everyone.
        try await pool.transaction { connection in
            _ = try await connection.query("SELECT set_config('stride.bulk', 'on', true)")
            try await connection.execute("""
                UPDATE \(unescaped: schema).reviews
                SET status = 'submitted', submitted_at = now(),
                    content = (SELECT content FROM \(unescaped: schema).reviews WHERE status = 'submitted' LIMIT 1)
                WHERE status = 'requested' AND rater_group IN ('self', 'manager')
                """)
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).attainments (employee_id, period_id, version, weighted_attainment_percent, goals, event_id)
                SELECT employee_id, 'FY-bench', 1, 40 + (hashtext(employee_id) & 127) % 81, '[]', gen_random_uuid()::text
                FROM \(unescaped: schema).org_employees
                """)
        }
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).reviews")
        for phase in ["nominations", "peer_reviews", "manager_review"] {
            try await service.call(.POST, "/v1/cycles/\(cycleID)/phase", json: #"{"phase": "\#(phase)"}"#, expect: 200)
        }
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "appraisal")

        // 4. Scoring, then the calibration distribution.
        let scoring = clock.now
        try await service.call(.POST, "/v1/cycles/\(cycleID)/scores", expect: 200)
        let scoreSeconds = (clock.now - scoring).seconds
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).appraisals")
        try await service.call(.POST, "/v1/cycles/\(cycleID)/phase", json: #"{"phase": "calibration"}"#, expect: 200)
        let departments = (0..<calibrationDepartments).map { #""\#(BenchOrgSeed.department(of: $0))""# }.joined(separator: ", ")
        let session = try Self.field("session_id", of: try await service.call(
            .POST, "/v1/cycles/\(cycleID)/calibration-sessions",
            json: #"{"name": "Bench", "departments": [\#(departments)], "guideline": \#(Self.guideline), "participants": []}"#, expect: 201))
        let population = employees * calibrationDepartments / BenchOrgSeed.departments
        let reader = [HTTPLoad.Target(.GET, path: "/v1/calibration-sessions/\(session)/distribution", authorization: try await service.bearer("bench-hr", roles: [.employee, .hr]))]
        let distribution = HTTPLoad(port: service.port, targets: reader, expectedStatus: 200)
        _ = try check(try await distribution.closedLoop(seconds: 2, connections: 2, firstKey: 0), "distribution warm-up")
        let read = try check(try await distribution.closedLoop(seconds: seconds, connections: 2, firstKey: 0), "distribution")
        report.add("Appraisal distribution, ~\(population.formatted()) people, 2 conns", read.throughput, "req/s")
        report.add("Appraisal distribution p99, ~\(population.formatted()) people", read.latencies.percentile(99), "ms", target: "< 100 ms")
        try await service.call(.POST, "/v1/calibration-sessions/\(session)/lock", expect: 200)
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "appraisal")

        // 5. Release and its publication.
        let before = try await OutboxCeilings.written(schema: schema, pool: pool)
        let releasing = clock.now
        try await service.call(.POST, "/v1/cycles/\(cycleID)/phase", json: #"{"phase": "feedback"}"#, expect: 200)
        let releaseSeconds = (clock.now - releasing).seconds
        let sample = try await OutboxCeilings.SampleRow.latest(of: AppraisalFinalized.eventType, in: schema, pool: pool)
        let publishing = clock.now
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "appraisal")
        let publishSeconds = (clock.now - publishing).seconds
        let released = try await OutboxCeilings.written(schema: schema, pool: pool) - before
        guard released == employees else { throw BenchError("release: \(released) events, expected \(employees)") }
        let rawCopy = try await OutboxCeilings.copy(
            url: url, schema: schema, sample: sample, count: released, logger: logger) { BenchOrgSeed.employeeID($0 + 1) }
        let rawProduce = try await OutboxCeilings.produce(kafka: kafka, payload: Array(sample.payload.utf8), count: released, logger: logger)
        report.add("Appraisal score + release + publish, \(size)", scoreSeconds + releaseSeconds + publishSeconds, "s", target: "< 15 s")
        report.add("Appraisal scoring, \(size)", scoreSeconds, "s")
        report.add("Appraisal release: events into the outbox", Double(released) / releaseSeconds, "events/s",
                   ceiling: rawCopy, ceilingName: "raw libpq COPY, same rows")
        report.add("Appraisal release: relay outbox → Kafka", Double(released) / publishSeconds, "events/s",
                   ceiling: rawProduce, ceilingName: "raw librdkafka produce, same size")
    }

    // MARK: The library and bodies

    private func library(_ service: BenchAppraisalService) async throws {
        for id in Self.competencies {
            try await service.call(
                .POST, "/v1/competencies",
                json: #"{"competency_id": "\#(id)", "name": "\#(id.capitalized)", "description": "How one does \#(id).", "anchors": [{"level": 1, "text": "Rarely"}, {"level": 5, "text": "Sets the example"}]}"#,
                expect: 201)
        }
        try await service.call(.POST, "/v1/templates", json: #"{"template_id": "standard", "name": "Standard", "terms": \#(Self.terms)}"#, expect: 201)
    }

    static let competencies = ["communication", "delivery", "ownership"]

    static let terms = #"""
        {"scale": {"labels": ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]},
         "competencies": [{"competency_id": "communication", "weight_percent": "30"}, {"competency_id": "delivery", "weight_percent": "50"},
                          {"competency_id": "ownership", "weight_percent": "20"}],
         "goal_weight_percent": "60", "competency_weight_percent": "40",
         "rater_group_weights": [{"group": "manager", "weight_percent": "50"}, {"group": "self", "weight_percent": "10"},
                                 {"group": "peer", "weight_percent": "20"}, {"group": "direct_report", "weight_percent": "20"}],
         "minimum_anonymous_raters": 3,
         "bands": [{"level": 1, "minimum_score": "1"}, {"level": 2, "minimum_score": "1.8"}, {"level": 3, "minimum_score": "2.6"},
                   {"level": 4, "minimum_score": "3.4"}, {"level": 5, "minimum_score": "4.2"}],
         "meets_expectations_level": 3}
        """#

    static let guideline = #"""
        {"targets": [{"level": 1, "target_percent": "5"}, {"level": 2, "target_percent": "15"}, {"level": 3, "target_percent": "50"},
                     {"level": 4, "target_percent": "22"}, {"level": 5, "target_percent": "8"}], "tolerance_percent": "5"}
        """#

    /// Everyone, with phases from today on (each may be moved on early by HR).
    static func cycleBody(today: CalendarDate) -> String {
        let start = today.startOfDayUTC
        func day(_ offset: Int) -> String { CalendarDate(utc: start.addingTimeInterval(Double(offset) * 86_400)).description }
        let phases = [("self_review", 0, 6), ("nominations", 7, 9), ("peer_reviews", 10, 16), ("manager_review", 17, 23),
                      ("calibration", 24, 27), ("feedback", 28, 40)]
        let schedule = phases.map { #"{"phase": "\#($0.0)", "starts_on": "\#(day($0.1))", "ends_on": "\#(day($0.2))"}"# }
        return #"{"name": "Bench cycle", "period_id": "FY-bench", "template_id": "standard", "schedule": [\#(schedule.joined(separator: ", "))]}"#
    }

    static func reviewBody(level: Int) -> String {
        let ratings = competencies.map { #"{"competency_id": "\#($0)", "level": \#(level)}"# }.joined(separator: ", ")
        return #"{"ratings": [\#(ratings)], "comments": [], "overall_comment": "A steady year with two launches."}"#
    }

    static func field(_ name: String, of json: String) throws -> String {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], let value = object[name] as? String else {
            throw BenchError("no \(name) in \(json.prefix(300))")
        }
        return value
    }

    // MARK: Checks and ceilings

    private func count(_ table: String, pool: PostgresPool, schema: String) async throws -> Int {
        try await pool.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(schema).\(table)"))[0].decode(0, as: Int.self)
    }

    private func check(_ result: HTTPLoad.Result, _ phase: String) throws -> HTTPLoad.Result {
        guard result.failures == 0 else {
            throw BenchError("appraisal \(phase): \(result.failures) of \(result.requests) requests failed; first: \(result.firstFailure ?? "?")")
        }
        return result
    }
}
