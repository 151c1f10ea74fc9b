import Foundation
import Logging
import StrideContracts
import StrideIncentives
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// Exactly once to payroll, proved on the real executable: it is SIGKILLed inside the approval's
/// transaction, after the commit but before publishing, and after publishing but before marking
/// the rows published; after each restart the approval is retried with its idempotency key.
/// Payroll then holds every change id at least once on the topic, and exactly once after it
/// deduplicates by change id — the same changes, with the same ids, the database holds.
@Suite("Incentives: exactly once to payroll under SIGKILL", .serialized, .timeLimit(.minutes(10)))
struct ExactlyOnceTests {
    static let headcount = 120

    @Test("killed at every step between approval and publication: payroll receives each change id, none lost, none made twice")
    func killedAtEveryStep() async throws {
        let tag = TestEnvironment.uniqueName("eo")
        // A schema of its own: its consumer groups and ce_source follow it, so nothing it does
        // meets a dev installation on the same database and broker.
        let schema = TestEnvironment.uniqueName("incentives_eo")
        let department = "Exactly once \(tag)"
        let appraisalCycle = "ac-\(tag)"
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: try TestEnvironment.databaseURL()), maxConnections: 1,
            logger: .init(label: "exactly-once"))
        defer { Task { await pool.close() } }
        let payroll = try await TopicTap.start(topic: StrideTopic.payroll.rawValue, source: "/stride/\(schema)")
        defer { Task { await payroll.close() } }
        let issuer = try await TokenIssuer(secret: IncentivesProcess.secret)
        let hr = try await issuer.issue(subject: "hr-\(tag)", roles: [.employee, .hr])

        // 1. Killed inside the approval's transaction: nothing is approved, nothing is sent.
        var service = try IncentivesProcess(failpoint: "incentives.approval-before-commit", schema: schema)
        try await service.ready()
        try await Self.seed(tag: tag, department: department, appraisalCycle: appraisalCycle, schema: schema, on: pool)
        let opened = await service.call(
            "POST", "/v1/comp-cycles", token: hr,
            json: #"{"name": "EO", "appraisal_cycle_id": "\#(appraisalCycle)", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(IncentivesFixtures.plan())}"#)
        try #require(opened.status == 201, "\(opened.body)")
        let cycleID = try #require((try JSONSerialization.jsonObject(with: Data(opened.body.utf8)) as? [String: Any])?["comp_cycle_id"] as? String)
        let run = await service.call("POST", "/v1/comp-cycles/\(cycleID)/run", token: hr)
        try #require(run.status == 200, "\(run.body)")
        try await Self.waitUntilPublished(schema, pool)
        let approvePath = "/v1/comp-cycles/\(cycleID)/departments/\(department.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)/approve"
        let key = "approve-\(tag)"
        let first = await service.call("POST", approvePath, token: hr, json: "{}", idempotencyKey: key)
        #expect(first.status == nil, "the process died answering: \(first.body)")
        #expect(await service.exit().killed)
        #expect(try await Self.changes(cycleID, schema, pool) == 0, "the transaction died with the process")

        // 2. Killed after the commit, before the relay published: the changes wait in the outbox.
        service = try IncentivesProcess(failpoint: "outbox.before-publish", schema: schema)
        try await service.ready()
        _ = await service.call("POST", approvePath, token: hr, json: "{}", idempotencyKey: key)
        #expect(await service.exit().killed)
        let made = try await Self.changes(cycleID, schema, pool)
        let payments = try await pool.query("""
            SELECT (count(*) FILTER (WHERE amount > 0) + count(*) FILTER (WHERE lump_sum > 0))::int
            FROM \(unescaped: schema).recommendations WHERE comp_cycle_id = \(cycleID)
            """)[0].decode(0, as: Int.self)
        #expect(made > Self.headcount && made == payments, "one change per payment: \(made) of \(payments)")

        // 3. Killed after publishing, before marking the rows published: they will go out twice.
        service = try IncentivesProcess(failpoint: "outbox.after-publish-before-mark", schema: schema)
        #expect(await service.exit().killed)

        // 4. A clean start publishes what is left; a retried approval answers as before, making nothing.
        service = try IncentivesProcess(failpoint: nil, schema: schema)
        try await service.ready()
        try await Self.waitUntilPublished(schema, pool)
        let retried = await service.call("POST", approvePath, token: hr, json: "{}", idempotencyKey: key)
        #expect(retried.status == 200 || retried.status == 409, "\(retried.body)")
        #expect(try await Self.changes(cycleID, schema, pool) == made)
        service.terminate()
        #expect(await service.exit().clean)

        let ids = try await pool.query("SELECT change_id FROM \(unescaped: schema).compensation_changes WHERE comp_cycle_id = \(cycleID)")
            .map { try $0.decode(0, as: String.self) }
        let seen = try await payroll.events(timeout: .seconds(120)) { seen in
            Set(seen.filter { $0.0.type == CompensationChangeApproved.eventType }
                .compactMap { try? EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value) }
                .filter { $0.cycleID == cycleID }.map(\.changeID)).count >= ids.count
        }
        let received = try seen.filter { $0.0.type == CompensationChangeApproved.eventType }
            .map { try EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value) }
            .filter { $0.cycleID == cycleID }
        #expect(Set(received.map(\.changeID)) == Set(ids), "every change id reached payroll, and only those")
        let perChange = Dictionary(grouping: received, by: \.changeID)
        #expect(perChange.values.allSatisfy { copies in Set(copies.map(\.amount)).count == 1 }, "a redelivery is the same change")
        #expect(received.count >= ids.count, "at least once on the topic (\(received.count) deliveries of \(ids.count) changes)")
        try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
    }

    /// The org and final appraisals of the test's department, written as the projections would hold them.
    static func seed(tag: String, department: String, appraisalCycle: String, schema: String, on pool: PostgresPool) async throws {
        let ids = (0..<headcount).map { "\(tag)-\($0)" }
        try await pool.execute("""
            INSERT INTO \(unescaped: schema).org_employees
                (employee_id, name, email, manager_id, department, job_title, job_level, hire_date, status, base_salary, currency,
                 band_min, band_mid, band_max)
            SELECT id, id, id || '@example.com', NULL, \(department), 'Engineer', 'L3', DATE '2020-01-01', 'active',
                   50000 + (n * 137) % 30000, 'EUR', 50000, 62000, 75000
            FROM unnest(\(ids)::text[]) WITH ORDINALITY AS t(id, n)
            """)
        try await pool.execute("""
            INSERT INTO \(unescaped: schema).appraisal_results
                (appraisal_cycle_id, employee_id, appraisal_id, version, rating_level, rating_label, scale_max, potential, final_score)
            SELECT \(appraisalCycle), id, 'ap-' || id, 1, 2 + (n % 4)::int, 'Level', 5, 'moderate', 3
            FROM unnest(\(ids)::text[]) WITH ORDINALITY AS t(id, n)
            """)
    }

    static func changes(_ cycleID: String, _ schema: String, _ pool: PostgresPool) async throws -> Int {
        try await pool.query("SELECT count(*)::int FROM \(unescaped: schema).compensation_changes WHERE comp_cycle_id = \(cycleID)")[0].decode(0, as: Int.self)
    }

    static func waitUntilPublished(_ schema: String, _ pool: PostgresPool) async throws {
        try await waitUntil("the incentives outbox to drain", timeout: .seconds(120)) {
            try await pool.query("SELECT count(*)::int FROM \(unescaped: schema).outbox WHERE published_at IS NULL AND parked_at IS NULL")[0]
                .decode(0, as: Int.self) == 0
        }
    }
}
