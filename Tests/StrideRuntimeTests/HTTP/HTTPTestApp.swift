import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import StridePostgres
import Testing

@testable import StrideRuntime

/// A small service built the way real services are: the standard router, an authenticated API group.
enum HTTPTestApp {
    static let secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"

    // Body types spell their snake_case keys out, as every Stride body does (JSONBody applies no key strategy).
    struct GoalInput: Decodable {
        var title: String
        var weightPercent: Double
        var dueDate: Date?
        var keyResults: [KeyResult]?

        struct KeyResult: Decodable {
            var targetValue: Double

            enum CodingKeys: String, CodingKey {
                case targetValue = "target_value"
            }
        }

        enum CodingKeys: String, CodingKey {
            case title
            case weightPercent = "weight_percent"
            case dueDate = "due_date"
            case keyResults = "key_results"
        }
    }

    struct GoalOutput: Encodable {
        var goalId: String
        var title: String
        var weightPercent: Double

        enum CodingKeys: String, CodingKey {
            case goalId = "goal_id"
            case title
            case weightPercent = "weight_percent"
        }
    }

    struct Item: Encodable, Sendable {
        var id: Int
    }

    struct ItemKey: Codable, Equatable {
        var lastId: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "secret database password is hunter2" }
    }

    static func makeApplication(
        metrics: StrideMetrics = StrideMetrics(),
        readinessChecks: [ReadinessCheck] = [],
        configuration: JWTConfiguration = .hs256(secret: secret)
    ) async throws -> some ApplicationProtocol {
        let verifier = try await TokenVerifier(configuration: configuration)
        let router = StrideHTTPServer.makeRouter(metrics: metrics, readinessChecks: readinessChecks)
        let api = router.group("v1").add(middleware: AuthenticationMiddleware<StrideRequestContext>(verifier: verifier))
        api.get("me") { _, context in
            try context.requirePrincipal()
        }
        api.get("hr-only") { _, context -> HTTPResponse.Status in
            try context.requirePrincipal().require(anyOf: [.hr, .admin])
            return .noContent
        }
        api.get("employees/:id/goals") { _, context -> HTTPResponse.Status in
            let id = try context.parameters.require("id")
            try context.requirePrincipal().require(subject: id, orAnyOf: [.hr])
            return .noContent
        }
        api.post("goals") { request, context -> Response in
            let input = try await request.decode(as: GoalInput.self, context: context)
            return try Response.json(GoalOutput(goalId: "G1", title: input.title, weightPercent: input.weightPercent), status: .created)
        }
        api.get("boom") { _, _ -> HTTPResponse.Status in
            throw Failure()
        }
        api.get("database-down") { _, _ -> HTTPResponse.Status in
            throw PostgresError(
                code: .connection, message: "could not connect to postgres://stride:hunter2@db:5432/stride")
        }
        api.get("filtered") { request, _ -> String in
            request.query("status") ?? "none"
        }
        api.get("conflict") { _, _ -> HTTPResponse.Status in
            throw HTTPError(.conflict, message: "goal G1 already exists")
        }
        api.get("items") { request, _ -> Page<Item> in
            let page = try PageRequest(from: request)
            let after = try page.cursorKey(as: ItemKey.self)?.lastId ?? 0
            let rows = (after + 1...after + page.fetchLimit).filter { $0 <= 7 }.map { Item(id: $0) }
            return try Page(rows: rows, request: page) { ItemKey(lastId: $0.id) }
        }
        api.post("writes") { request, _ -> String in
            try IdempotencyKey.required(in: request).value
        }
        var logger = Logger(label: "stride.http.tests")
        logger.logLevel = .critical
        return StrideHTTPServer.makeApplication(router: router, configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
    }

    static func token(
        subject: String = "E1001",
        roles: Set<Role> = [.employee],
        issuer: String = "stride",
        secret: String = secret,
        lifetime: Duration = .seconds(600),
        now: Date = Date()
    ) async throws -> String {
        try await TokenIssuer(secret: secret, issuer: issuer).issue(
            subject: subject, roles: roles, name: "Ada Lovelace", lifetime: lifetime, now: now
        )
    }

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }
}

/// The parsed JSON of a response body.
func json(_ response: TestResponse) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    return try #require(object as? [String: Any])
}

/// Checks a response is a problem with `status`, returning its JSON.
@discardableResult
func expectProblem(
    _ response: TestResponse, status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [String: Any] {
    #expect(response.status == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
    let body = try json(response)
    #expect(body["status"] as? Int == status.code, sourceLocation: sourceLocation)
    #expect(body["title"] is String, sourceLocation: sourceLocation)
    #expect(body["type"] is String, sourceLocation: sourceLocation)
    #expect(body["request_id"] is String, sourceLocation: sourceLocation)
    return body
}
