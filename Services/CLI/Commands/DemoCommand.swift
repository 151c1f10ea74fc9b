import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

/// `stride demo`: Stride's main job on the embedded infrastructure, end to end, narrated.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the sample org, run a service on the Stride runtime and show it working over HTTP.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The HRIS export to import.")
    var org = "deploy/dev/sample-org.csv"

    @Option(help: "The port the demo service listens on (127.0.0.1).")
    var port = 18_080

    func run() async throws {
        let kafka = try connection.kafkaConfiguration()
        let logger = connection.logger("stride.demo")
        let secret = "demo-secret-" + UUID().uuidString
        let schema = "stride_demo"

        section("1. Topics")
        let admin = try KafkaAdmin(configuration: kafka, logger: logger)
        try await admin.createTopics(TopicCatalog.specs())
        await admin.close()
        print("   \(TopicCatalog.specs().count) topics ready: \(StrideTopic.allCases.map(\.rawValue).joined(separator: ", ")) and their .dlq")

        section("2. Import the org chart from \(org) → \(StrideTopic.employees.rawValue)")
        let imported = try OrgImport(csv: String(contentsOfFile: org, encoding: .utf8))
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        let messages = try imported.employees.map {
            KafkaOutgoingMessage(try EventCodec.encode($0, source: "/stride/cli/org-import"))
        }
        for result in await producer.send(messages) { _ = try result.get() }
        await producer.close()
        print("   published \(messages.count) EmployeeUpserted events; \(imported.rejected.count) rows rejected")

        section("3. Start a service on the Stride runtime (schema \(schema), http://127.0.0.1:\(port))")
        let configuration = try StrideConfiguration(environment: [
            "DATABASE_URL": try connection.databaseURL(), "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrapServers,
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": String(port), "JWT_SECRET": secret,
        ])
        let (application, environment) = try await StrideServiceBuilder.build(
            DirectoryDemoService.definition(schema: schema), configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [application], logger: logger)
        let running = Task { try await group.run() }
        let client = DemoHTTPClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!)
        try await waitFor("the service to be ready") { (try? await client.get("health/ready"))?.status == 200 }
        print("   GET /health/ready → \(try await client.get("health/ready").body)")
        try await waitFor("the org directory to hold every employee") {
            try await environment.pool.query("SELECT count(*) FROM \(unescaped: schema).org_employees")[0].decode(0, as: Int.self)
                >= imported.employees.count
        }
        print("   the org-directory consumer projected \(imported.employees.count) employees through the inbox")

        section("4. The organisation, as the service sees it")
        try await printOrganisation(schema: schema, pool: environment.pool)

        section("5. Access rules over HTTP (JWT bearer tokens, problem+json errors)")
        try await showAccessRules(schema: schema, environment: environment, client: client, secret: secret)

        section("6. Metrics (GET /metrics, excerpt)")
        let metrics = try await client.get("metrics").body.split(separator: "\n")
            .filter { $0.hasPrefix("stride_inbox_processed_events_total") || $0.hasPrefix("http_requests_total") }
        for line in metrics.prefix(8) { print("   \(line)") }

        section("7. Graceful shutdown")
        await group.triggerGracefulShutdown()
        try await running.value
        print("   HTTP stopped, consumer committed and left its group, producer flushed, pool closed.")
    }

    private func printOrganisation(schema: String, pool: PostgresPool) async throws {
        let departments = try await pool.query("""
            SELECT department, count(*) AS people FROM \(unescaped: schema).org_employees GROUP BY department ORDER BY people DESC
            """)
        for row in departments {
            print("   \(try row.decode("department", as: String.self).padding(toLength: 20, withPad: " ", startingAt: 0)) \(try row.decode("people", as: Int.self)) people")
        }
        let deepest = try await pool.query("""
            WITH RECURSIVE depth (employee_id, level) AS (
                SELECT employee_id, 1 FROM \(unescaped: schema).org_employees WHERE manager_id IS NULL
                UNION ALL
                SELECT e.employee_id, d.level + 1 FROM depth d
                JOIN \(unescaped: schema).org_employees e ON e.manager_id = d.employee_id WHERE d.level < 64
            )
            SELECT employee_id, level FROM depth ORDER BY level DESC, employee_id LIMIT 1
            """)[0]
        let id = try deepest.decode("employee_id", as: String.self)
        let chain = try await pool.withConnection { try await OrgDirectory(schema: schema).managerChain(of: id, on: $0) }
        print("   \(try deepest.decode("level", as: Int.self)) levels deep; \(id) reports through \(chain.joined(separator: " → "))")
    }

    private func showAccessRules(schema: String, environment: ServiceEnvironment, client: DemoHTTPClient, secret: String) async throws {
        let issuer = try await TokenIssuer(secret: secret)
        let (employee, chain) = try await environment.pool.withConnection { connection in
            let id = try await connection.query("""
                SELECT employee_id FROM \(unescaped: schema).org_employees e
                WHERE NOT EXISTS (SELECT 1 FROM \(unescaped: schema).org_employees r WHERE r.manager_id = e.employee_id)
                ORDER BY employee_id LIMIT 1
                """)[0].decode(0, as: String.self)
            return (id, try await environment.directory.managerChain(of: id, on: connection))
        }
        let peer = try await environment.pool.query("""
            SELECT employee_id FROM \(unescaped: schema).org_employees WHERE employee_id <> \(employee) AND manager_id IS NOT NULL
            AND manager_id <> \(chain.first ?? "") ORDER BY employee_id LIMIT 1
            """)[0].decode(0, as: String.self)
        let asEmployee = try await issuer.issue(subject: employee, roles: [.employee], name: nil, lifetime: .seconds(600))
        let asSkipLevel = try await issuer.issue(subject: chain.dropFirst().first ?? chain[0], roles: [.manager], name: nil, lifetime: .seconds(600))
        let asPeer = try await issuer.issue(subject: peer, roles: [.employee], name: nil, lifetime: .seconds(600))
        let calls: [(String, String, String?)] = [
            ("\(employee) reads their own record", "org/employees/\(employee)", asEmployee),
            ("their manager's manager reads it", "org/employees/\(employee)", asSkipLevel),
            ("a colleague elsewhere (\(peer)) tries", "org/employees/\(employee)", asPeer),
            ("no token", "org/employees/\(employee)", nil),
        ]
        for (what, path, token) in calls {
            let reply = try await client.get(path, token: token)
            print("   \(what.padding(toLength: 42, withPad: " ", startingAt: 0)) → \(reply.status) \(reply.contentType)")
            print("      \(reply.body.prefix(160))")
        }
    }

    private func section(_ title: String) {
        print("\n\(title)")
    }

    private func waitFor(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BenchError("timed out waiting for \(what)")
    }
}
