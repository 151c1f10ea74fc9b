import Foundation
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

@Suite("Org directory projection")
struct OrgDirectoryTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    static func employee(_ id: String, manager: String?, status: EmploymentStatus = .active) -> EmployeeUpserted {
        let eur = { (amount: Int) in Money(amount: Decimal(amount), currency: "EUR") }
        return EmployeeUpserted(
            employeeID: id, name: "Name \(id)", email: "\(id.lowercased())@example.com", managerID: manager,
            department: "Engineering", jobTitle: "Engineer", jobLevel: "IC2",
            hireDate: CalendarDate("2020-02-29")!, status: status, baseSalary: eur(60_000),
            salaryBand: SalaryBand(minimum: eur(50_000), midpoint: eur(62_000), maximum: eur(75_000)))
    }

    @Test("reporting lines across a four-level hierarchy")
    func reportingLines() async throws {
        let schema = try await fixture.migratedSchema("org")
        let directory = OrgDirectory(schema: schema)
        // CEO → VP → two managers → two reports each.
        let people: [(String, String?)] = [
            ("CEO", nil), ("VP", "CEO"), ("M1", "VP"), ("M2", "VP"),
            ("A", "M1"), ("B", "M1"), ("C", "M2"), ("D", "M2"),
        ]
        try await fixture.pool.transaction { connection in
            for (id, manager) in people { try await directory.apply(Self.employee(id, manager: manager), on: connection) }
        }
        try await fixture.pool.withConnection { connection async throws in
            #expect(try await directory.isInReportingLine("A", of: "M1", on: connection))
            #expect(try await directory.isInReportingLine("A", of: "CEO", on: connection))
            #expect(try await !directory.isInReportingLine("A", of: "M2", on: connection), "a peer's manager is not mine")
            #expect(try await !directory.isInReportingLine("M1", of: "A", on: connection), "reports do not manage their manager")
            #expect(try await !directory.isInReportingLine("A", of: "A", on: connection))
            #expect(try await !directory.isInReportingLine("nobody", of: "CEO", on: connection))
            #expect(try await directory.managerChain(of: "D", on: connection) == ["M2", "VP", "CEO"])
            #expect(try await directory.reportingLine(of: "VP", on: connection) == ["A", "B", "C", "D", "M1", "M2"])
            #expect(try await directory.directReports(of: "M1", on: connection) == ["A", "B"])
            let d = try #require(try await directory.employee("D", on: connection))
            #expect(d.managerID == "M2" && d.status == "active" && d.email == "d@example.com")
        }
    }

    @Test("a move and a termination change the answers; a manager cycle in bad data does not loop")
    func updatesAndBadData() async throws {
        let schema = try await fixture.migratedSchema("org")
        let directory = OrgDirectory(schema: schema)
        try await fixture.pool.transaction { connection in
            for (id, manager) in [("CEO", nil), ("X", "CEO"), ("Y", "CEO"), ("E", "X")] as [(String, String?)] {
                try await directory.apply(Self.employee(id, manager: manager), on: connection)
            }
            try await directory.apply(Self.employee("E", manager: "Y"), on: connection)
            try await directory.apply(
                EmployeeTerminated(employeeID: "X", terminationDate: CalendarDate("2026-06-30")!, reason: "resigned"),
                on: connection)
            // HR data with a cycle: P manages Q manages P.
            try await directory.apply(Self.employee("P", manager: "Q"), on: connection)
            try await directory.apply(Self.employee("Q", manager: "P"), on: connection)
        }
        try await fixture.pool.withConnection { connection async throws in
            #expect(try await directory.isInReportingLine("E", of: "Y", on: connection))
            #expect(try await !directory.isInReportingLine("E", of: "X", on: connection))
            #expect(try await directory.employee("X", on: connection)?.status == "terminated")
            #expect(try await directory.managerChain(of: "P", on: connection) == ["Q", "P"])
            #expect(try await !directory.isInReportingLine("P", of: "CEO", on: connection))
        }
    }

    @Test("a 200-level chain answers from the bottom")
    func deepHierarchy() async throws {
        let schema = try await fixture.migratedSchema("org")
        let directory = OrgDirectory(schema: schema)
        try await fixture.pool.transaction { connection in
            for level in 0..<200 {
                try await directory.apply(Self.employee("L\(level)", manager: level == 0 ? nil : "L\(level - 1)"), on: connection)
            }
        }
        try await fixture.pool.withConnection { connection async throws in
            #expect(try await directory.isInReportingLine("L199", of: "L0", on: connection))
            #expect(try await directory.managerChain(of: "L199", on: connection).count == 199)
            #expect(try await directory.reportingLine(of: "L0", on: connection).count == 199)
        }
    }

    @Test("the projection follows hr.employees.v1 through the inbox")
    func projectionThroughKafka() async throws {
        let schema = try await fixture.migratedSchema("org")
        let topic = try await fixture.createTopic("employees")
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        let events = [Self.employee("CEO", manager: nil), Self.employee("M", manager: "CEO"), Self.employee("E", manager: "M")]
        for event in events {
            var encoded = try EventCodec.encode(event, source: "/hris")
            encoded.topic = topic
            _ = try await producer.send(KafkaOutgoingMessage(encoded))
        }
        let directory = OrgDirectory(schema: schema)
        let consumer = InboxConsumer(
            name: "org", schema: schema, topics: [topic], groupID: TestEnvironment.uniqueName("g"), kafka: fixture.kafka,
            pool: fixture.pool, producer: producer, router: directory.projection, logger: fixture.logger)
        let group = ServiceGroup(services: [consumer], logger: fixture.logger)
        let running = Task { try await group.run() }
        let projected = try await fixture.eventually { try await fixture.count("\(schema).org_employees") == 3 }
        await group.triggerGracefulShutdown()
        try await running.value
        await producer.close()
        #expect(projected)
        try await fixture.pool.withConnection { connection async throws in
            #expect(try await directory.isInReportingLine("E", of: "CEO", on: connection))
        }
    }
}
