import Foundation
import StridePostgres

/// The settings every Stride service reads from its environment.
///
/// | variable | meaning |
/// |---|---|
/// | `DATABASE_URL` | `postgres://user:password@host:port/database` |
/// | `KAFKA_BOOTSTRAP_SERVERS` | `host:port[,host:port…]` |
/// | `KAFKA_PROPERTY_<NAME>` | a librdkafka property: `KAFKA_PROPERTY_SECURITY_PROTOCOL` → `security.protocol`, `KAFKA_PROPERTY_SASL_USERNAME` → `sasl.username`, … Other `KAFKA_*` variables are ignored (Kubernetes injects `KAFKA_PORT`, `KAFKA_SERVICE_HOST`… for a Service named `kafka`) |
/// | `HTTP_HOST`, `HTTP_PORT` | where the HTTP API listens (default `0.0.0.0:8080`) |
/// | `JWT_SECRET` | HS256 secret for bearer tokens (development), or |
/// | `JWT_JWKS` | a JWKS document (JSON) with the identity provider's public keys, or |
/// | `JWT_JWKS_URL` | the identity provider's JWKS endpoint (`https`; `http` only on a loopback host), fetched at start and refreshed |
/// | `JWT_ISSUER` | required `iss` (default `stride`) |
/// | `JWT_AUDIENCE` | required `aud` (default: not checked) |
/// | `JWT_ROLES_CLAIM` | the claim with the role names, a name or dotted path such as `realm_access.roles` (default `roles`) |
/// | `JWT_LEEWAY_SECONDS` | clock skew allowed on `exp`, `nbf`, `iat` (default 30) |
/// | `JWT_JWKS_MIN_REFRESH_SECONDS` | least time between two JWKS fetches (default 30) |
/// | `JWT_JWKS_MAX_AGE_SECONDS` | age after which the JWKS is fetched again (default 3600) |
/// | `JWT_JWKS_TIMEOUT_SECONDS` | bound of one JWKS fetch (default 5) |
/// | `DATABASE_POOL_SIZE` | connections per process (default 10) |
/// | `LOG_LEVEL` | trace, debug, info (default), notice, warning, error, critical |
/// | `DATABASE_PREPARED_STATEMENTS` | `automatic` (marked and repeating statements, default), `marked`, or `never` (behind a transaction-mode pooler such as PgBouncer) |
/// | `OUTBOX_RETENTION_HOURS` | how long published outbox rows are kept (default 0: deleted once delivered) |
/// | `INBOX_RETENTION_DAYS` | how long processed event ids are kept; must outlive every redelivery and replay (default 14) |
/// | `IDEMPOTENCY_KEY_RETENTION_HOURS` | how long a write's `Idempotency-Key` answers a retry (default 24) |
public struct StrideConfiguration: Sendable {
    /// The prefix of the variables passed to librdkafka.
    public static let kafkaPropertyPrefix = "KAFKA_PROPERTY_"

    /// `DATABASE_URL`.
    public var databaseURL: String
    /// `KAFKA_BOOTSTRAP_SERVERS`.
    public var kafkaBootstrapServers: String
    /// librdkafka properties from `KAFKA_PROPERTY_*` variables (SASL, TLS, tuning).
    public var kafkaProperties: [String: String]
    /// `HTTP_HOST`.
    public var httpHost: String
    /// `HTTP_PORT`.
    public var httpPort: Int
    /// `JWT_SECRET`: the HS256 secret (development).
    public var jwtSecret: String?
    /// `JWT_JWKS`: an inline JWKS document.
    public var jwtJWKS: String?
    /// `JWT_JWKS_URL`: the identity provider's JWKS endpoint.
    public var jwtJWKSURL: URL?
    /// `JWT_ISSUER`: the required `iss`.
    public var jwtIssuer: String
    /// `JWT_AUDIENCE`: the required `aud`, or nil when not checked.
    public var jwtAudience: String?
    /// `JWT_ROLES_CLAIM`: the claim (or dotted path) with the role names.
    public var jwtRolesClaim: String
    /// `JWT_LEEWAY_SECONDS`: allowed clock skew on `exp`, `nbf` and `iat`.
    public var jwtLeeway: Duration
    /// `JWT_JWKS_MIN_REFRESH_SECONDS`, `JWT_JWKS_MAX_AGE_SECONDS`, `JWT_JWKS_TIMEOUT_SECONDS`.
    public var jwtJWKSRefresh: JWKSRefreshPolicy
    /// `DATABASE_POOL_SIZE`.
    public var databasePoolSize: Int
    /// `LOG_LEVEL`.
    public var logLevel: String
    /// `DATABASE_PREPARED_STATEMENTS`.
    public var databasePreparedStatements: PreparedStatementPolicy
    /// `OUTBOX_RETENTION_HOURS`, `INBOX_RETENTION_DAYS`, `IDEMPOTENCY_KEY_RETENTION_HOURS`.
    public var retention: RetentionPolicy

    /// Reads and validates the environment.
    /// - Throws: `ConfigurationError` listing every missing or invalid variable.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) {
        var reader = EnvironmentReader(environment)
        databaseURL = reader.required("DATABASE_URL", "the PostgreSQL URL, e.g. postgres://stride@db:5432/stride")
        if !databaseURL.isEmpty, !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            reader.report("DATABASE_URL is invalid: it must start with postgres:// or postgresql://")
        }
        kafkaBootstrapServers = reader.required("KAFKA_BOOTSTRAP_SERVERS", "the Kafka brokers, e.g. kafka-1:9092,kafka-2:9092")
        kafkaProperties = Self.librdkafkaProperties(reader.withPrefix(Self.kafkaPropertyPrefix))
        if kafkaProperties["bootstrap.servers"] != nil {
            reader.report("\(Self.kafkaPropertyPrefix)BOOTSTRAP_SERVERS is not allowed: set KAFKA_BOOTSTRAP_SERVERS")
        }
        httpHost = reader.optional("HTTP_HOST") ?? "0.0.0.0"
        httpPort = reader.integer("HTTP_PORT", default: 8080, in: 0...65535)
        jwtSecret = reader.optional("JWT_SECRET")
        jwtJWKS = reader.optional("JWT_JWKS")
        let jwksURLText = reader.optional("JWT_JWKS_URL")
        jwtJWKSURL = nil
        if let jwksURLText {
            jwtJWKSURL = Self.jwksURL(jwksURLText, reader: &reader)
        }
        let keySources = [("JWT_SECRET", jwtSecret), ("JWT_JWKS", jwtJWKS), ("JWT_JWKS_URL", jwksURLText)]
            .filter { $0.1 != nil }.map(\.0)
        if keySources.isEmpty {
            reader.report("JWT_SECRET, JWT_JWKS or JWT_JWKS_URL is missing: bearer tokens cannot be verified without one")
        } else if keySources.count > 1 {
            reader.report("\(keySources.joined(separator: " and ")) are set: JWT_SECRET, JWT_JWKS and JWT_JWKS_URL exclude each other, keep one")
        }
        if let secret = jwtSecret, secret.utf8.count < 32 {
            reader.report("JWT_SECRET is invalid: use at least 32 bytes (the HS256 hash size)")
        }
        jwtIssuer = reader.optional("JWT_ISSUER") ?? "stride"
        jwtAudience = reader.optional("JWT_AUDIENCE")
        jwtRolesClaim = reader.optional("JWT_ROLES_CLAIM") ?? "roles"
        jwtLeeway = .seconds(reader.integer("JWT_LEEWAY_SECONDS", default: 30, in: 0...600))
        jwtJWKSRefresh = JWKSRefreshPolicy(
            minimumInterval: .seconds(reader.integer("JWT_JWKS_MIN_REFRESH_SECONDS", default: 30, in: 1...86_400)),
            maximumAge: .seconds(reader.integer("JWT_JWKS_MAX_AGE_SECONDS", default: 3600, in: 1...604_800)),
            timeout: .seconds(reader.integer("JWT_JWKS_TIMEOUT_SECONDS", default: 5, in: 1...120)))
        databasePoolSize = reader.integer("DATABASE_POOL_SIZE", default: 10, in: 1...200)
        let policy = reader.optional("DATABASE_PREPARED_STATEMENTS") ?? PreparedStatementPolicy.automatic.rawValue
        databasePreparedStatements = PreparedStatementPolicy(rawValue: policy) ?? .automatic
        if PreparedStatementPolicy(rawValue: policy) == nil {
            reader.report("DATABASE_PREPARED_STATEMENTS is invalid: '\(policy)' is not one of automatic, marked, never")
        }
        retention = RetentionPolicy(
            publishedOutboxRows: .seconds(3_600 * reader.integer("OUTBOX_RETENTION_HOURS", default: 0, in: 0...87_600)),
            inboxRows: .seconds(86_400 * reader.integer("INBOX_RETENTION_DAYS", default: 14, in: 1...3_650)),
            idempotencyKeys: .seconds(3_600 * reader.integer("IDEMPOTENCY_KEY_RETENTION_HOURS", default: 24, in: 1...87_600)))
        logLevel = reader.optional("LOG_LEVEL") ?? "info"
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        if !levels.contains(logLevel) {
            reader.report("LOG_LEVEL is invalid: '\(logLevel)' is not one of \(levels.joined(separator: ", "))")
        }
        try reader.validate()
    }

    /// `SASL_MECHANISM` (from `KAFKA_PROPERTY_SASL_MECHANISM`) → `sasl.mechanism`.
    static func librdkafkaProperties(_ variables: [String: String]) -> [String: String] {
        var properties: [String: String] = [:]
        for (name, value) in variables {
            properties[name.lowercased().replacingOccurrences(of: "_", with: ".")] = value
        }
        return properties
    }

    /// The JWKS URL, or nil after reporting why it is unusable.
    private static func jwksURL(_ text: String, reader: inout EnvironmentReader) -> URL? {
        guard let url = URL(string: text), JWKSFetcher.isAcceptable(url) else {
            reader.report("JWT_JWKS_URL is invalid: '\(text)' is not an https URL (plain http only on 127.0.0.1, localhost or [::1])")
            return nil
        }
        return url
    }
}
