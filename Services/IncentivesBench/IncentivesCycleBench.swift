import Foundation
import Logging
import NIOHTTP1
import StrideBenchKit
import StrideContracts
import StrideIncentives
import StrideKafka
import StridePayrollExport
import StridePostgres
import StrideRuntime

/// One compensation cycle for `employees` people inside the running incentives service:
///
/// 1. the merit and bonus run (one request: price everyone, fit 20 departments, write a merit and
///    a bonus recommendation each and their events into the outbox, one transaction), then the
///    relay publishing them;
/// 2. HR approving every department (one request each: the recommendations approved and one
///    compensation change per payment, with their events) and the relay publishing them;
/// 3. the reference payroll export (`stride payroll export`) reading the payroll topic into CSV.
///
/// Ceilings from the same run: raw libpq `COPY` of as many outbox rows as the run writes, of the
/// same size; raw librdkafka produce of as many payroll messages of the same size; raw
/// librdkafka consume of the payroll topic.
struct IncentivesCycleBench {
    let kafka: KafkaConfiguration
    let url: String
    let employees: Int
    /// How many departments HR approves at once.
    let approvers: Int
    let memory: MemorySampler
    let logger: Logger

    func run(into report: inout BenchReport) async throws {
        let service = try await BenchIncentivesService.start(url: url, kafka: kafka, poolSize: 10, logger: logger)
        memory.start()
        let payroll = try await service.use { service in try await measure(service, into: &report) }
        // A payroll team runs the export on its own, once the changes are published: the service
        // is stopped first, so that its background work (relay, consumers, jobs) is not measured
        // with the export.
        try await measureExport(topic: payroll.topic, changes: payroll.changes, into: &report)
    }

    /// Runs the cycle, from the run to the publication of the payroll changes.
    /// - Returns: the payroll topic and how many changes it holds.
    private func measure(_ service: BenchIncentivesService, into report: inout BenchReport) async throws -> (topic: String, changes: Int) {
        let schema = service.schema, pool = service.pool
        let clock = ContinuousClock()
        let size = "\(employees.formatted()) employees"
        try await pool.transaction { connection in
            try await BenchOrgSeed.org(employees, schema: schema, on: connection)
            // Final appraisals as the appraisal stream would leave them: levels 1–5, mostly 3.
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).appraisal_results
                    (appraisal_cycle_id, employee_id, appraisal_id, version, rating_level, rating_label, scale_max, potential, final_score)
                SELECT 'ac-bench', employee_id, 'ap-' || employee_id, 1, l.level, 'Level ' || l.level, 5, 'moderate', l.level
                FROM \(unescaped: schema).org_employees
                CROSS JOIN LATERAL (SELECT (ARRAY[1, 2, 3, 3, 3, 3, 4, 4, 5, 5])[1 + (hashtext(employee_id) & 1023) % 10] AS level) l
                """)
        }
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).org_employees")
        try await pool.execute("VACUUM (ANALYZE) \(unescaped: schema).appraisal_results")
        let opened = try await service.call(.POST, "/v1/comp-cycles", json: Self.cycleBody, expect: 201)
        let cycleID = try Self.field("comp_cycle_id", of: opened)

        // 1. The run.
        let before = try await OutboxCeilings.written(schema: schema, pool: pool)
        let running = clock.now
        try await service.call(.POST, "/v1/comp-cycles/\(cycleID)/run", expect: 200)
        let runSeconds = (clock.now - running).seconds
        let announced = try await OutboxCeilings.written(schema: schema, pool: pool) - before
        let meritSample = try await OutboxCeilings.SampleRow.latest(of: MeritRecommended.eventType, in: schema, pool: pool)
        let recommendations = try await count("recommendations", pool: pool, schema: schema)
        guard recommendations == 2 * employees else { throw BenchError("run: \(recommendations) recommendations, expected \(2 * employees)") }
        let relaying = clock.now
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "incentives run")
        let runRelaySeconds = (clock.now - relaying).seconds
        let rawCopy = try await OutboxCeilings.copy(
            url: url, schema: schema, sample: meritSample, count: announced, logger: logger) { BenchOrgSeed.employeeID($0 % employees + 1) }
        report.add("Incentives merit + bonus run, \(size) (\(recommendations.formatted()) recommendations)", runSeconds, "s", target: "< 10 s")
        report.add("Incentives run: recommendations and their events written", Double(announced) / runSeconds, "events/s",
                   ceiling: rawCopy, ceilingName: "raw libpq COPY, same rows")
        report.add("Incentives run: relay outbox → Kafka", Double(announced) / runRelaySeconds, "events/s")

        // 2. Approval of every department and the publication of its payroll changes.
        // HR's approvals go `approvers` at a time (different departments of one cycle proceed
        // side by side; each department's approval is one statement on one connection).
        let approving = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<approvers {
                group.addTask {
                    for index in stride(from: lane, to: BenchOrgSeed.departments, by: approvers) {
                        let department = BenchOrgSeed.department(of: index).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
                        try await service.call(.POST, "/v1/comp-cycles/\(cycleID)/departments/\(department)/approve", json: "{}", expect: 200)
                    }
                }
            }
            try await group.waitForAll()
        }
        let approveSeconds = (clock.now - approving).seconds
        let changeSample = try await OutboxCeilings.SampleRow.latest(of: CompensationChangeApproved.eventType, in: schema, pool: pool)
        let publishing = clock.now
        try await OutboxCeilings.waitUntilPublished(schema: schema, pool: pool, what: "incentives approval")
        let publishSeconds = (clock.now - publishing).seconds
        let changes = try await count("compensation_changes", pool: pool, schema: schema)
        let rawProduce = try await OutboxCeilings.produce(kafka: kafka, payload: Array(changeSample.payload.utf8), count: changes, logger: logger)
        report.add("Incentives approval + publication, \(changes.formatted()) payroll changes", approveSeconds + publishSeconds, "s",
                   target: "< 10 s for 100,000")
        // The target's rate: 100,000 payroll events approved and published in under 10 s.
        report.add("Incentives approval + publication: payroll changes per second", Double(changes) / (approveSeconds + publishSeconds),
                   "changes/s", target: "≥ 10,000/s (100,000 in < 10 s)")
        report.add("Incentives approval of 20 departments, \(approvers) at a time (changes and events written)", approveSeconds, "s")
        // The relay publishes while the approvals go on: events from the first approval to the last delivery.
        report.add("Incentives approval → published (payroll and incentives events)",
                   Double(try await OutboxCeilings.written(schema: schema, pool: pool) - before - announced) / (approveSeconds + publishSeconds),
                   "events/s", ceiling: rawProduce, ceilingName: "raw librdkafka produce, same size")

        // Autovacuum after the bulk writes would share the cores with the export (and not with
        // its raw ceiling).
        let quiet = try await DatabaseQuiet.wait(pool: pool)
        print("  (waited \(String(format: "%.1f", quiet.seconds)) s for the database to go quiet)")
        return (service.core.settings.payrollTopic, changes)
    }

    /// 3. The reference payroll export reading the topic, then raw consume of the same topic.
    private func measureExport(topic: String, changes: Int, into report: inout BenchReport) async throws {
        let clock = ContinuousClock()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stride-bench-payroll-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = PayrollExportOptions(outputDirectory: directory, topic: topic)
        let exporting = clock.now
        let summary = try await PayrollExport.run(options, configuration: kafka, logger: logger, output: { _ in })
        let exportSeconds = (clock.now - exporting).seconds
        guard summary.totalLines == changes else { throw BenchError("export: \(summary.totalLines) lines, expected \(changes)") }
        let bootstrap = kafka.bootstrapServers
        let rawConsume = try await onDedicatedThread {
            try RawKafkaCeiling.consume(bootstrap: bootstrap, topic: topic, partitions: 4, count: summary.recordsRead)
        }
        // Raw consume counts from its first message to its last; so does the export's reading time
        // (its connection and start-up are the second figure's difference).
        let readingSeconds = (summary.readingTime ?? .zero).seconds
        guard readingSeconds > 0 else { throw BenchError("export: no reading time") }
        report.add("Payroll export: \(changes.formatted()) lines to CSV (first record to last line written)",
                   Double(summary.recordsRead) / readingSeconds, "lines/s",
                   ceiling: rawConsume, ceilingName: "raw librdkafka consume, same topic", target: "≥ 50 % of raw consume")
        report.add("Payroll export: \(changes.formatted()) lines to CSV (whole run: connecting, recovery, reading)",
                   Double(summary.recordsRead) / exportSeconds, "lines/s")
    }

    static var cycleBody: String {
        var cells: [String] = []
        let base: [Int] = [0, 1, 3, 4, 5]
        let shift: [(String, Double)] = [("below_minimum", 1), ("q1", 0.5), ("q2", 0), ("q3", -0.5), ("q4", -1), ("above_maximum", -1.5)]
        for level in 1...5 {
            for (zone, delta) in shift {
                let guideline = max(0, Double(base[level - 1]) + delta)
                cells.append(#"{"rating_level": \#(level), "zone": "\#(zone)", "minimum_percent": "\#(max(0, guideline - 1))", "guideline_percent": "\#(guideline)", "maximum_percent": "\#(guideline + 1)"}"#)
            }
        }
        let plan = #"""
            {"merit_matrix": [\#(cells.joined(separator: ", "))], "default_merit_pool_percent": "3", "default_bonus_pool_percent": "9",
             "company_multiplier": "1.1", "default_bonus_target_percent": "10",
             "individual_multipliers": [{"rating_level": 1, "multiplier": "0"}, {"rating_level": 2, "multiplier": "0.5"},
                                        {"rating_level": 3, "multiplier": "1"}, {"rating_level": 4, "multiplier": "1.25"},
                                        {"rating_level": 5, "multiplier": "1.5"}]}
            """#
        return #"{"name": "Bench compensation", "appraisal_cycle_id": "ac-bench", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(plan)}"#
    }

    static func field(_ name: String, of json: String) throws -> String {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], let value = object[name] as? String else {
            throw BenchError("no \(name) in \(json.prefix(300))")
        }
        return value
    }

    private func count(_ table: String, pool: PostgresPool, schema: String) async throws -> Int {
        try await pool.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(schema).\(table)"))[0].decode(0, as: Int.self)
    }
}
