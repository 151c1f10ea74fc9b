import Foundation
import Logging
import StrideCommandLine
import StrideContracts
import StrideKafka
import StrideRuntime

/// What every service's part of the demo shares: the sample company, a token for each of its
/// people, the broker, the console it narrates on, and the goal year it plays.
package struct DemoContext: Sendable {
    /// The company, from the HRIS export the demo imports.
    package let org: DemoOrg
    /// The HRIS export's path, for messages.
    package let orgFile: String
    /// A signed token per subject (employee id, or the HR user), as the services verify them.
    package let tokens: [String: String]
    package let kafka: KafkaConfiguration
    package let console: DemoConsole
    package let logger: Logger
    /// Requests in flight at once when many people act together.
    package let concurrency: Int
    /// The goal year: the current calendar year, so pace is meaningful whenever the demo runs.
    package let year: Int
    package let startedAt: Date
    /// Signs the tokens (with the secret the services verify).
    private let issuer: TokenIssuer

    /// Reads the HRIS export and signs a token for everyone in it (and HR) with `secret`, the
    /// HS256 secret the services run with.
    package static func make(
        orgFile: String, secret: String, kafka: KafkaConfiguration, logger: Logger, concurrency: Int, now: Date = Date()
    ) async throws -> DemoContext {
        guard let data = FileManager.default.contents(atPath: orgFile) else { throw DemoError("cannot read \(orgFile)") }
        let imported = try OrgImport(csv: String(decoding: data, as: UTF8.self))
        for rejection in imported.rejected {
            FileHandle.standardError.write(Data("\(orgFile):\(rejection.line): rejected: \(rejection.reasons.joined(separator: "; "))\n".utf8))
        }
        let people = try DemoOrg(imported.employees)
        let issuer = try await TokenIssuer(secret: secret)
        var tokens: [String: String] = [:]
        for subject in people.employees.map(\.employeeID) + [people.hr] where tokens[subject] == nil {
            tokens[subject] = try await issuer.issue(
                subject: subject, roles: people.roles(of: subject), name: people.byID[subject]?.name, lifetime: .seconds(3600))
        }
        return DemoContext(
            org: people, orgFile: orgFile, tokens: tokens, kafka: kafka, console: DemoConsole(), logger: logger,
            concurrency: concurrency, year: CalendarDate(utc: now).year, startedAt: now, issuer: issuer)
    }

    /// A client of the service at `baseURL` that acts as any of the demo's people.
    package func client(baseURL: String) -> ServiceClient {
        ServiceClient(baseURL: baseURL, tokens: tokens)
    }

    /// A client of the service at `baseURL` that acts as `subject` with the HR role added: one of
    /// ``DemoOrg/hrStandIns``, acting for HR where HR may not act itself (its own pay).
    package func actingForHR(_ subject: String, baseURL: String) async throws -> ServiceClient {
        let token = try await issuer.issue(
            subject: subject, roles: org.roles(of: subject).union([.hr]), name: org.byID[subject]?.name, lifetime: .seconds(3600))
        return ServiceClient(baseURL: baseURL, tokens: [subject: token])
    }
}
