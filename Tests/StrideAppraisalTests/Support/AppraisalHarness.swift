import Foundation
import StrideAppraisal
import StrideContracts
import StridePostgres
import StrideRuntime
import StrideTestSupport

/// The real appraisal service on the test PostgreSQL and broker, reading goals and coaching
/// events from topics of its own, with a small organisation seeded through the org projection:
///
///     ceo ─┬─ vp1 ─── m1 ─┬─ e1          (Sales; m1 has three reports)
///          │              ├─ e2
///          │              └─ e4
///          └─ vp2 ─── m2 ─── e3          (Engineering)       hr, hr2 (People, no manager)
typealias AppraisalHarness = ServiceHarness<AppraisalCore>

extension ServiceHarness where Core == AppraisalCore {
    /// The day the service's clock says it is.
    static var defaultToday: CalendarDate { CalendarDate(year: 2027, month: 1, day: 11) }

    /// Runs `body` against a freshly started appraisal service whose clock is pinned to `today`.
    static func appraisal(
        today: CalendarDate = defaultToday, settings adjust: @Sendable (inout AppraisalSettings) -> Void = { _ in },
        _ body: @Sendable (AppraisalHarness) async throws -> Void
    ) async throws {
        let goalsTopic = TestEnvironment.uniqueName("goals-in")
        let coachingTopic = TestEnvironment.uniqueName("coaching-in")
        // The org of its own too: other suites publish people (some under `m1`) to hr.employees.v1.
        let employeesTopic = TestEnvironment.uniqueName("employees-in")
        try await TestPublisher.createTopics([goalsTopic, coachingTopic, employeesTopic])
        var settings = AppraisalSettings(clock: { today.startOfDayUTC.addingTimeInterval(12 * 3600) })
        settings.goalsTopic = goalsTopic
        settings.coachingTopic = coachingTopic
        settings.employeesTopic = employeesTopic
        adjust(&settings)
        try await run(
            prefix: "appraisal", definition: { schema, ready in AppraisalService.definition(name: schema, settings: settings, ready: ready) },
            roles: roles(of:), seed: seedOrganisation, body)
    }

    static func seedOrganisation(_ core: AppraisalCore) async throws {
        let people: [(String, String?, String)] = [
            ("ceo", nil, "Executive"), ("vp1", "ceo", "Sales"), ("m1", "vp1", "Sales"), ("e1", "m1", "Sales"),
            ("e2", "m1", "Sales"), ("e4", "m1", "Sales"), ("vp2", "ceo", "Engineering"), ("m2", "vp2", "Engineering"),
            ("e3", "m2", "Engineering"), ("hr", nil, "People"), ("hr2", nil, "People"),
        ]
        try await core.pool.transaction { connection in
            for (id, manager, department) in people {
                try await core.directory.apply(employee(id, manager: manager, department: department), on: connection)
            }
        }
    }

    static func employee(_ id: String, manager: String?, department: String) -> EmployeeUpserted {
        let eur = { (amount: Decimal) in Money(amount: amount, currency: "EUR") }
        return EmployeeUpserted(
            employeeID: id, name: id.uppercased(), email: "\(id)@example.com", managerID: manager, department: department,
            jobTitle: "Staff", jobLevel: "L3", hireDate: CalendarDate(year: 2020, month: 1, day: 1), status: .active,
            baseSalary: eur(60_000), salaryBand: SalaryBand(minimum: eur(50_000), midpoint: eur(62_000), maximum: eur(75_000)))
    }

    /// The roles each seeded person signs in with.
    static func roles(of subject: String) -> Set<Role> {
        switch subject {
        case "hr", "hr2": [.employee, .hr]
        case "ceo", "vp1", "vp2", "m1", "m2": [.employee, .manager]
        case "incentives-bot": [.service]
        default: [.employee]
        }
    }

    /// Publishes `events` to this service's goals topic, as the goals service would.
    func publishGoals(_ events: [any StrideEvent]) async throws {
        try await TestPublisher.publish(events, source: "/stride/goals", topic: core.settings.goalsTopic)
    }

    /// Publishes `events` to this service's coaching topic, as the coaching service would.
    func publishCoaching(_ events: [any StrideEvent]) async throws {
        try await TestPublisher.publish(events, source: "/stride/coaching", topic: core.settings.coachingTopic)
    }

    /// Publishes `events` to this service's org topic, as the HRIS would.
    func publishEmployees(_ events: [any StrideEvent]) async throws {
        try await TestPublisher.publish(events, source: "/hris", topic: core.settings.employeesTopic)
    }

    /// One value read with `sql` (`$schema` stands for the service's schema).
    func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as type: T.Type = T.self) async throws -> T? {
        let text = sql.replacingOccurrences(of: "$schema", with: schema)
        return try await core.pool.withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: text)).first?.decode(0, as: T.self)
        }
    }
}
