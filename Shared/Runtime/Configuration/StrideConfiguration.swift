import Foundation

/// The settings every Stride service reads from its environment.
///
/// | variable | meaning |
/// |---|---|
/// | `DATABASE_URL` | `postgres://user:password@host:port/database` |
/// | `KAFKA_BOOTSTRAP_SERVERS` | `host:port[,host:port…]` |
/// | `KAFKA_*` (others) | passed to librdkafka: `KAFKA_SECURITY_PROTOCOL` → `security.protocol`, `KAFKA_SASL_USERNAME` → `sasl.username`, … |
/// | `HTTP_HOST`, `HTTP_PORT` | where the HTTP API listens (default `0.0.0.0:8080`) |
/// | `JWT_SECRET` | HS256 secret for bearer tokens (development), or |
/// | `JWT_JWKS` | a JWKS document (JSON) with RS256 public keys (production) |
/// | `DATABASE_POOL_SIZE` | connections per process (default 10) |
/// | `LOG_LEVEL` | trace, debug, info (default), notice, warning, error, critical |
public struct StrideConfiguration: Sendable {
    public var databaseURL: String
    public var kafkaBootstrapServers: String
    /// librdkafka properties from `KAFKA_*` variables (SASL, TLS, tuning).
    public var kafkaProperties: [String: String]
    public var httpHost: String
    public var httpPort: Int
    public var jwtSecret: String?
    public var jwtJWKS: String?
    public var databasePoolSize: Int
    public var logLevel: String

    /// Reads and validates the environment.
    /// - Throws: `ConfigurationError` listing every missing or invalid variable.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) {
        var reader = EnvironmentReader(environment)
        databaseURL = reader.required("DATABASE_URL", "the PostgreSQL URL, e.g. postgres://stride@db:5432/stride")
        if !databaseURL.isEmpty, !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            reader.report("DATABASE_URL is invalid: it must start with postgres:// or postgresql://")
        }
        kafkaBootstrapServers = reader.required("KAFKA_BOOTSTRAP_SERVERS", "the Kafka brokers, e.g. kafka-1:9092,kafka-2:9092")
        kafkaProperties = Self.librdkafkaProperties(reader.withPrefix("KAFKA_"))
        httpHost = reader.optional("HTTP_HOST") ?? "0.0.0.0"
        httpPort = reader.integer("HTTP_PORT", default: 8080, in: 0...65535)
        jwtSecret = reader.optional("JWT_SECRET")
        jwtJWKS = reader.optional("JWT_JWKS")
        if jwtSecret == nil, jwtJWKS == nil {
            reader.report("JWT_SECRET or JWT_JWKS is missing: bearer tokens cannot be verified without one")
        }
        if let secret = jwtSecret, secret.utf8.count < 32 {
            reader.report("JWT_SECRET is invalid: use at least 32 bytes (the HS256 hash size)")
        }
        databasePoolSize = reader.integer("DATABASE_POOL_SIZE", default: 10, in: 1...200)
        logLevel = reader.optional("LOG_LEVEL") ?? "info"
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        if !levels.contains(logLevel) {
            reader.report("LOG_LEVEL is invalid: '\(logLevel)' is not one of \(levels.joined(separator: ", "))")
        }
        try reader.validate()
    }

    /// `KAFKA_SASL_MECHANISM` → `sasl.mechanism`; the bootstrap servers variable is handled on its own.
    static func librdkafkaProperties(_ variables: [String: String]) -> [String: String] {
        var properties: [String: String] = [:]
        for (name, value) in variables where name != "BOOTSTRAP_SERVERS" {
            properties[name.lowercased().replacingOccurrences(of: "_", with: ".")] = value
        }
        return properties
    }
}
