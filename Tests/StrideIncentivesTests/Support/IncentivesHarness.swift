import Foundation
import StrideContracts
import StrideIncentives
import StridePostgres
import StrideRuntime
import StrideTestSupport

/// The real incentives service on the test PostgreSQL and broker, reading appraisal, coaching
/// and org events from topics of its own, with a small organisation seeded through the org
/// projection (EUR unless noted; bands min / mid / max):
///
///     ceo ─┬─ vp1 ─── m1 ─┬─ e1   Sales, 60,000 in 50k/62k/75k (q2)
///          │              ├─ e2   Sales, 74,000 in 50k/62k/75k (q4, near the maximum)
///          │              └─ e4   Sales, 55,000 (q1), hired 2026-07-01 (prorated)
///          └─ vp2 ─── m2 ─── e3   Engineering, 80,000 in 50k/62k/75k (above the maximum)
///     hr (People), hr2 (People Operations), no manager
typealias IncentivesHarness = ServiceHarness<IncentivesCore>

extension ServiceHarness where Core == IncentivesCore {
    /// The day the service's clock says it is.
    static var defaultToday: CalendarDate { CalendarDate(year: 2027, month: 3, day: 15) }

    /// Runs `body` against a freshly started incentives service whose clock is pinned to `today`.
    static func incentives(
        today: CalendarDate = defaultToday, settings adjust: @Sendable (inout IncentivesSettings) -> Void = { _ in },
        _ body: @Sendable (IncentivesHarness) async throws -> Void
    ) async throws {
        let appraisalTopic = TestEnvironment.uniqueName("appraisal-in")
        let coachingTopic = TestEnvironment.uniqueName("coaching-in")
        let employeesTopic = TestEnvironment.uniqueName("employees-in")
        try await TestPublisher.createTopics([appraisalTopic, coachingTopic, employeesTopic])
        var settings = IncentivesSettings(clock: { today.startOfDayUTC.addingTimeInterval(12 * 3600) })
        settings.appraisalTopic = appraisalTopic
        settings.coachingTopic = coachingTopic
        settings.employeesTopic = employeesTopic
        settings.chunkSize = 3
        adjust(&settings)
        try await run(
            prefix: "incentives", definition: { schema, ready in IncentivesService.definition(name: schema, settings: settings, ready: ready) },
            roles: roles(of:), seed: seedOrganisation, body)
    }

    static let people: [(id: String, manager: String?, department: String, salary: Decimal, hired: CalendarDate, level: String)] = [
        ("ceo", nil, "Executive", 200_000, CalendarDate(year: 2015, month: 1, day: 1), "E1"),
        ("vp1", "ceo", "Sales", 120_000, CalendarDate(year: 2016, month: 1, day: 1), "M2"),
        ("m1", "vp1", "Sales", 70_000, CalendarDate(year: 2018, month: 1, day: 1), "M1"),
        ("e1", "m1", "Sales", 60_000, CalendarDate(year: 2020, month: 1, day: 1), "L3"),
        ("e2", "m1", "Sales", 74_000, CalendarDate(year: 2019, month: 1, day: 1), "L3"),
        ("e4", "m1", "Sales", 55_000, CalendarDate(year: 2026, month: 7, day: 1), "L2"),
        ("vp2", "ceo", "Engineering", 130_000, CalendarDate(year: 2016, month: 1, day: 1), "M2"),
        ("m2", "vp2", "Engineering", 90_000, CalendarDate(year: 2018, month: 1, day: 1), "M1"),
        ("e3", "m2", "Engineering", 80_000, CalendarDate(year: 2017, month: 1, day: 1), "L3"),
        ("hr", nil, "People", 65_000, CalendarDate(year: 2019, month: 1, day: 1), "L3"),
        ("hr2", nil, "People Operations", 66_000, CalendarDate(year: 2019, month: 1, day: 1), "L3"),
    ]

    static func seedOrganisation(_ core: IncentivesCore) async throws {
        try await core.pool.transaction { connection in
            for person in people {
                try await core.directory.apply(employee(person.id), on: connection)
            }
        }
    }

    static func employee(_ id: String, salary: Decimal? = nil, status: EmploymentStatus = .active) -> EmployeeUpserted {
        let person = people.first { $0.id == id }!
        let eur = { (amount: Decimal) in Money(amount: amount, currency: "EUR") }
        let band = person.level.hasPrefix("L")
            ? SalaryBand(minimum: eur(50_000), midpoint: eur(62_000), maximum: eur(75_000))
            : SalaryBand(minimum: eur(60_000), midpoint: eur(90_000), maximum: eur(250_000))
        return EmployeeUpserted(
            employeeID: id, name: id.uppercased(), email: "\(id)@example.com", managerID: person.manager, department: person.department,
            jobTitle: person.level.hasPrefix("L") ? "Account Executive" : "Manager", jobLevel: person.level, hireDate: person.hired,
            status: status, baseSalary: eur(salary ?? person.salary), salaryBand: band)
    }

    /// The roles each seeded person signs in with.
    static func roles(of subject: String) -> Set<Role> {
        switch subject {
        case "hr", "hr2": [.employee, .hr]
        case "ceo", "vp1", "vp2", "m1", "m2": [.employee, .manager]
        case "analytics-bot": [.service]
        default: [.employee]
        }
    }

    /// Publishes `events` to this service's appraisal topic, as the appraisal service would.
    func publishAppraisal(_ events: [any StrideEvent]) async throws {
        try await TestPublisher.publish(events, source: "/stride/appraisal", topic: core.settings.appraisalTopic)
    }

    /// Publishes `events` to this service's coaching topic, as the coaching service would.
    func publishCoaching(_ events: [any StrideEvent]) async throws {
        try await TestPublisher.publish(events, source: "/stride/coaching", topic: core.settings.coachingTopic)
    }

    /// One value read with `sql` (`$schema` stands for the service's schema).
    func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as type: T.Type = T.self) async throws -> T? {
        let text = sql.replacingOccurrences(of: "$schema", with: schema)
        return try await core.pool.withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: text)).first?.decode(0, as: T.self)
        }
    }
}
