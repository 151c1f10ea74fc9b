import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StrideRuntime
import Synchronization

/// A real Stride service (migrations, outbox relay, inbox consumers, HTTP) on the test
/// PostgreSQL and broker, in a schema of its own, called over HTTP with tokens signed for any
/// subject: what every service's integration tests are built on.
public struct ServiceHarness<Core: Sendable>: Sendable {
    public static var secret: String { "service-test-secret-of-at-least-32-bytes" }
    /// The service's schema (and name), unique to the run.
    public let schema: String
    /// The service's core, for seeding and for reading state directly.
    public let core: Core
    public let client: any TestClientProtocol
    public let issuer: TokenIssuer
    /// The roles each subject signs in with.
    public let roles: @Sendable (String) -> Set<Role>

    /// Builds the service `definition` makes (given the schema and a callback that receives the
    /// core), seeds it, runs `body` against it live, and stops it.
    public static func run(
        prefix: String,
        environment extra: [String: String] = [:],
        definition: (_ schema: String, _ ready: @escaping @Sendable (Core) -> Void) -> ServiceDefinition,
        roles: @escaping @Sendable (String) -> Set<Role>,
        seed: @Sendable (Core) async throws -> Void = { _ in },
        _ body: @Sendable (ServiceHarness) async throws -> Void
    ) async throws {
        let schema = TestEnvironment.uniqueName(prefix)
        var environment = [
            "DATABASE_URL": try TestEnvironment.databaseURL(), "KAFKA_BOOTSTRAP_SERVERS": try TestEnvironment.kafkaBootstrapServers(),
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0", "JWT_SECRET": secret, "DATABASE_POOL_SIZE": "6",
            "KAFKA_PROPERTY_SESSION_TIMEOUT_MS": "6000",
            // Tests read the events a service wrote from its outbox, so delivered rows stay there
            // (the default deletes them once delivered; the relay's own tests cover both).
            "OUTBOX_RETENTION_HOURS": "24",
        ]
        environment.merge(extra) { _, new in new }
        let configuration = try StrideConfiguration(environment: environment)
        let captured = Mutex<Core?>(nil)
        var logger = Logger(label: "stride.\(prefix).tests")
        logger.logLevel = .warning
        let (application, _) = try await StrideServiceBuilder.build(
            definition(schema) { core in captured.withLock { $0 = core } }, configuration: configuration, logger: logger)
        guard let core = captured.withLock({ $0 }) else { throw HarnessError("the service never handed over its core") }
        try await seed(core)
        let issuer = try await TokenIssuer(secret: secret)
        try await application.test(.live) { client in
            try await body(ServiceHarness(schema: schema, core: core, client: client, issuer: issuer, roles: roles))
        }
    }

    /// Sends a request as `subject` (nil: no token) and returns the status and body.
    @discardableResult
    public func call(
        _ method: HTTPRequest.Method, _ path: String, as subject: String?, json: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestReply {
        var headers = extra
        if let subject {
            headers[.authorization] = "Bearer " + (try await issuer.issue(subject: subject, roles: roles(subject)))
        }
        if json != nil { headers[.contentType] = "application/json" }
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        return TestReply(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }
}

/// A response as the tests read it.
public struct TestReply: Sendable {
    public var status: Int
    public var headers: HTTPFields
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    public var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw HarnessError("not a JSON object: \(text)")
            }
            return object
        }
    }

    /// A string field of the body.
    public func string(_ key: String) throws -> String {
        guard let value = try json[key] as? String else { throw HarnessError("no string \(key) in \(text)") }
        return value
    }

    /// The `items` of a list body.
    public var items: [[String: Any]] {
        get throws {
            guard let items = try json["items"] as? [[String: Any]] else { throw HarnessError("no items in \(text)") }
            return items
        }
    }

    /// The `field` names of a problem's `errors`.
    public var problemFields: [String] {
        ((try? json["errors"]) as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    /// The body decoded as `T` with the API's conventions.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONBody.decoder.decode(T.self, from: body)
    }
}

/// A test's harness could not do what it was asked.
public struct HarnessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
