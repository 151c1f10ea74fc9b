import ArgumentParser
import Foundation
import StrideRuntime

/// `stride token`: mints a development bearer token signed with `JWT_SECRET`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Mint a development JWT (HS256) for calling the services' HTTP APIs.",
        discussion: "For development only: production tokens come from the identity provider (RS256, JWKS).")

    @Option(help: "The subject: an employee id, or a service name with --role service.")
    var sub: String

    @Option(help: "A role: employee, manager, hr, admin, service (repeatable).")
    var role: [Role] = [.employee]

    @Option(help: "Display name carried in the token.")
    var name: String?

    @Option(help: "Minutes until the token expires.")
    var ttlMinutes = 480

    @Option(help: "The HS256 secret (default: $JWT_SECRET).")
    var secret: String?

    func validate() throws {
        guard (1...43_200).contains(ttlMinutes) else { throw ValidationError("--ttl-minutes must be 1…43200") }
    }

    func run() async throws {
        guard let secret = secret ?? ProcessInfo.processInfo.environment["JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("No secret: pass --secret or set JWT_SECRET.")
        }
        let issuer = try await TokenIssuer(secret: secret)
        print(try await issuer.issue(subject: sub, roles: Set(role), name: name, lifetime: .seconds(ttlMinutes * 60)))
    }
}

extension Role: ExpressibleByArgument {}
