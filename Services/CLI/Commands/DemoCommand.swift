import ArgumentParser
import Foundation
import Logging
import StrideContracts
import StrideRuntime

/// `stride demo`: Stride's main job, end to end, against a running goals service.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a goal year on the goals service: cascade, agreement, progress, at-risk, roll-up, close and attainment.",
        discussion: """
            Publishes the org chart to hr.employees.v1, then acts as HR, managers and employees over the
            goals service's HTTP API (tokens signed with JWT_SECRET, as the service verifies them) and
            as a CRM publishing metric readings, while it reads the service's events on stride.goals.v1.
            deploy/dev/run starts the infrastructure and stride-goals, then runs this.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The goals service's base URL (default: $GOALS_URL, else http://127.0.0.1:8080).")
    var goalsURL: String?

    @Option(help: "The HS256 secret stride-goals verifies tokens with (default: $JWT_SECRET).")
    var jwtSecret: String?

    @Option(help: "The HRIS export to import.")
    var org = "deploy/dev/sample-org.csv"

    @Option(help: "Requests in flight at once when many people act together.")
    var concurrency = 8

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be 1…64") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let secret = jwtSecret ?? environment["JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("No secret: pass --jwt-secret or set JWT_SECRET to the one stride-goals runs with.")
        }
        guard let data = FileManager.default.contents(atPath: org) else { throw ValidationError("cannot read \(org)") }
        let imported = try OrgImport(csv: String(decoding: data, as: UTF8.self))
        for rejection in imported.rejected {
            FileHandle.standardError.write(Data("\(org):\(rejection.line): rejected: \(rejection.reasons.joined(separator: "; "))\n".utf8))
        }
        let people = try DemoOrg(imported.employees)
        let issuer = try await TokenIssuer(secret: secret)
        var tokens: [String: String] = [:]
        for subject in people.employees.map(\.employeeID) + [people.hr] where tokens[subject] == nil {
            tokens[subject] = try await issuer.issue(
                subject: subject, roles: people.roles(of: subject), name: people.byID[subject]?.name, lifetime: .seconds(3600))
        }
        let demo = GoalsDemo(
            client: GoalsClient(baseURL: goalsURL ?? environment["GOALS_URL"] ?? "http://127.0.0.1:8080", tokens: tokens),
            org: people, orgFile: org, kafka: try connection.kafkaConfiguration(), console: DemoConsole(),
            logger: connection.logger("stride.demo"), concurrency: concurrency,
            year: CalendarDate(utc: Date()).year, startedAt: Date())
        try await demo.run()
    }
}
