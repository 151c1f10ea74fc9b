import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StrideContracts
import StrideGoals
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Synchronization
import Testing

/// The real goals service (migrations, outbox relay, inbox consumers, HTTP) on the test
/// PostgreSQL and broker, in a schema of its own, with a small 4-level organisation seeded
/// through the org projection:
///
///     ceo ─┬─ vp1 ─── m1 ─┬─ e1
///          │              └─ e2
///          └─ vp2 ─── m2 ─── e3        hr, hr2 (HR, no manager)
struct GoalsHarness: Sendable {
    static let secret = "goals-test-secret-of-at-least-32-bytes"
    let schema: String
    let core: GoalsCore
    let client: any TestClientProtocol
    let issuer: TokenIssuer

    /// Runs `body` against a freshly started service; the clock is pinned to `today`.
    static func run(
        today: CalendarDate = CalendarDate(year: 2026, month: 7, day: 2),
        _ body: @Sendable (GoalsHarness) async throws -> Void
    ) async throws {
        let schema = TestEnvironment.uniqueName("goals")
        let configuration = try StrideConfiguration(environment: [
            "DATABASE_URL": try TestEnvironment.databaseURL(), "KAFKA_BOOTSTRAP_SERVERS": try TestEnvironment.kafkaBootstrapServers(),
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0", "JWT_SECRET": secret, "DATABASE_POOL_SIZE": "6",
            // The tests read the events the service wrote from its outbox: delivered rows stay.
            "OUTBOX_RETENTION_HOURS": "24",
        ])
        var settings = GoalsSettings(clock: { today.startOfDayUTC.addingTimeInterval(12 * 3600) })
        // Coaching's events on a topic of this service's own: other tests' interviews stay out.
        settings.coachingTopic = TestEnvironment.uniqueName("coaching-in")
        try await TestPublisher.createTopics([settings.coachingTopic])
        let cores = CoreCapture()
        var logger = Logger(label: "stride.goals.tests")
        logger.logLevel = .warning
        let (application, _) = try await StrideServiceBuilder.build(
            GoalsService.definition(name: schema, settings: settings) { cores.core = $0 }, configuration: configuration,
            logger: logger)
        let core = try #require(cores.core)
        try await seedOrganisation(core)
        let issuer = try await TokenIssuer(secret: secret)
        try await application.test(.live) { client in
            try await body(GoalsHarness(schema: schema, core: core, client: client, issuer: issuer))
        }
    }

    static func seedOrganisation(_ core: GoalsCore) async throws {
        let people: [(String, String?, String, String)] = [
            ("ceo", nil, "Executive", "Chief Executive"), ("vp1", "ceo", "Sales", "VP Sales"),
            ("m1", "vp1", "Sales", "Sales Manager"), ("e1", "m1", "Sales", "Account Executive"),
            ("e2", "m1", "Sales", "Account Executive"), ("vp2", "ceo", "Engineering", "VP Engineering"),
            ("m2", "vp2", "Engineering", "Engineering Manager"), ("e3", "m2", "Engineering", "Software Engineer"),
            ("hr", nil, "People", "HR Partner"), ("hr2", nil, "People", "HR Partner"),
        ]
        try await core.pool.transaction { connection in
            for (id, manager, department, title) in people {
                try await core.directory.apply(Self.employee(id, manager: manager, department: department, title: title), on: connection)
            }
        }
    }

    static func employee(_ id: String, manager: String?, department: String, title: String, status: EmploymentStatus = .active) -> EmployeeUpserted {
        let eur = { (amount: Decimal) in Money(amount: amount, currency: "EUR") }
        return EmployeeUpserted(
            employeeID: id, name: id.uppercased(), email: "\(id)@example.com", managerID: manager, department: department,
            jobTitle: title, jobLevel: "L3", hireDate: CalendarDate(year: 2020, month: 1, day: 1), status: status,
            baseSalary: eur(60_000), salaryBand: SalaryBand(minimum: eur(50_000), midpoint: eur(62_000), maximum: eur(75_000)))
    }

    /// The roles each seeded person signs in with.
    static func roles(of subject: String) -> Set<Role> {
        switch subject {
        case "hr", "hr2": [.employee, .hr]
        case "ceo", "vp1", "vp2", "m1", "m2": [.employee, .manager]
        case "metrics-bot": [.service]
        default: [.employee]
        }
    }

    /// Sends a request as `subject` and returns the status and JSON body.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, as subject: String?, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let subject {
            headers[.authorization] = "Bearer " + (try await issuer.issue(subject: subject, roles: Self.roles(of: subject)))
        }
        if json != nil { headers[.contentType] = "application/json" }
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }
}

/// A response as the tests read it.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw HarnessError("not a JSON object: \(text)")
            }
            return object
        }
    }

    /// A string field of the body.
    func string(_ key: String) throws -> String {
        guard let value = try json[key] as? String else { throw HarnessError("no string \(key) in \(text)") }
        return value
    }

    /// The `items` of a list body.
    var items: [[String: Any]] {
        get throws {
            guard let items = try json["items"] as? [[String: Any]] else { throw HarnessError("no items in \(text)") }
            return items
        }
    }

    /// The body decoded as `T` with the API's conventions.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONBody.decoder.decode(T.self, from: body)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Receives the core from the service definition while it is built.
final class CoreCapture: Sendable {
    private let value = Mutex<GoalsCore?>(nil)

    var core: GoalsCore? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
