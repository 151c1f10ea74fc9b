import Foundation

/// Where the integration tests find the real PostgreSQL and broker started by `deploy/dev/infra up`.
///
/// Integration tests never skip: when the infrastructure is not configured they fail with a message
/// that says how to start it, so a green run always means the real parts were exercised.
public enum TestEnvironment {
    /// The `DATABASE_URL` of the development PostgreSQL.
    public static func databaseURL() throws -> String { try required("DATABASE_URL") }

    /// The `KAFKA_BOOTSTRAP_SERVERS` of the development broker.
    public static func kafkaBootstrapServers() throws -> String { try required("KAFKA_BOOTSTRAP_SERVERS") }

    /// A name no other test in this run uses, safe as a PostgreSQL identifier and a Kafka topic name.
    /// - Parameter prefix: a short lowercase prefix that says what the name is for.
    public static func uniqueName(_ prefix: String) -> String {
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return "\(prefix)_\(suffix)"
    }

    private static func required(_ name: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw MissingInfrastructure(description: """
                \(name) is not set. Integration tests need the real PostgreSQL and broker: \
                run `eval "$(deploy/dev/infra env)"` after `deploy/dev/infra up`, or use the README's test command.
                """)
        }
        return value
    }
}

/// Thrown when a test needs infrastructure that the environment does not describe.
public struct MissingInfrastructure: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
