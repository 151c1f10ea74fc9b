import Foundation
import StrideRuntime
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    let valid = [
        "DATABASE_URL": "postgres://stride@db:5432/stride", "KAFKA_BOOTSTRAP_SERVERS": "k1:9092,k2:9092",
        "JWT_SECRET": "a-development-secret-of-32-bytes",
    ]

    @Test("a complete environment gives the settings, with defaults")
    func complete() throws {
        let configuration = try StrideConfiguration(environment: valid.merging([
            "HTTP_PORT": "9000", "KAFKA_PROPERTY_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_PROPERTY_SASL_MECHANISM": "SCRAM-SHA-512",
        ]) { $1 })
        #expect(configuration.httpPort == 9000)
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.databasePoolSize == 10)
        #expect(configuration.kafkaProperties == ["security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512"])
        #expect(configuration.jwtIssuer == "stride")
        #expect(configuration.jwtAudience == nil)
        #expect(configuration.jwtRolesClaim == "roles")
        #expect(configuration.jwtLeeway == .seconds(30))
        #expect(configuration.jwtJWKSURL == nil)
        #expect(configuration.jwtJWKSRefresh == JWKSRefreshPolicy())
    }

    @Test("Kubernetes' service variables for a Service named kafka are ignored")
    func kubernetesServiceVariables() throws {
        let configuration = try StrideConfiguration(environment: valid.merging([
            "KAFKA_PORT": "tcp://10.0.0.1:9092", "KAFKA_SERVICE_HOST": "10.0.0.1", "KAFKA_SERVICE_PORT": "9092",
            "KAFKA_SERVICE_PORT_BROKER": "9092", "KAFKA_PORT_9092_TCP": "tcp://10.0.0.1:9092",
            "KAFKA_PORT_9092_TCP_ADDR": "10.0.0.1", "KAFKA_PORT_9092_TCP_PORT": "9092", "KAFKA_PORT_9092_TCP_PROTO": "tcp",
        ]) { $1 })
        #expect(configuration.kafkaBootstrapServers == "k1:9092,k2:9092")
        #expect(configuration.kafkaProperties.isEmpty)
    }

    @Test("only KAFKA_PROPERTY_ variables become librdkafka properties")
    func kafkaPropertyPrefix() throws {
        let configuration = try StrideConfiguration(environment: valid.merging([
            "KAFKA_PROPERTY_SASL_USERNAME": "stride-goals", "KAFKA_PROPERTY_SSL_CA_LOCATION": "/etc/ssl/kafka-ca.pem",
            "KAFKA_PROPERTY_SESSION_TIMEOUT_MS": "6000",
            "KAFKA_SASL_PASSWORD": "old-style, ignored", "KAFKA_PROPERTY_": "no name, ignored",
        ]) { $1 })
        #expect(configuration.kafkaProperties == [
            "sasl.username": "stride-goals", "ssl.ca.location": "/etc/ssl/kafka-ca.pem", "session.timeout.ms": "6000",
        ])
    }

    @Test("bootstrap servers cannot be set through the property prefix")
    func bootstrapThroughPrefixIsRefused() {
        #expect {
            try StrideConfiguration(environment: valid.merging(["KAFKA_PROPERTY_BOOTSTRAP_SERVERS": "k3:9092"]) { $1 })
        } throws: { error in
            (error as? ConfigurationError)?.problems == ["KAFKA_PROPERTY_BOOTSTRAP_SERVERS is not allowed: set KAFKA_BOOTSTRAP_SERVERS"]
        }
    }

    @Test("every missing or invalid variable is reported at once")
    func everyProblemAtOnce() {
        #expect {
            try StrideConfiguration(environment: ["DATABASE_URL": "mysql://x", "HTTP_PORT": "http", "LOG_LEVEL": "loud"])
        } throws: { error in
            let problems = (error as? ConfigurationError)?.problems ?? []
            return problems.count == 5
                && problems.contains { $0.hasPrefix("DATABASE_URL is invalid") }
                && problems.contains { $0.hasPrefix("KAFKA_BOOTSTRAP_SERVERS is missing") }
                && problems.contains { $0.hasPrefix("HTTP_PORT is invalid") }
                && problems.contains { $0.hasPrefix("JWT_SECRET, JWT_JWKS or JWT_JWKS_URL is missing") }
                && problems.contains { $0.hasPrefix("LOG_LEVEL is invalid") }
        }
    }

    @Test("OUTBOX_RETENTION_HOURS: 0 by default (the relay deletes delivered rows), a positive number of hours keeps them, a negative one is refused")
    func outboxRetention() throws {
        let defaults = try StrideConfiguration(environment: valid)
        #expect(defaults.retention.publishedOutboxRows == .zero, "by default delivered rows are deleted")
        #expect(!defaults.retention.keepsPublishedOutboxRows)
        // A configured age read from the environment (one hour), not a measured time.
        let kept = try StrideConfiguration(environment: valid.merging(["OUTBOX_RETENTION_HOURS": "1"]) { $1 })
        #expect(kept.retention.publishedOutboxRows == .seconds(60 * 60))
        #expect(kept.retention.keepsPublishedOutboxRows)
        #expect(throws: ConfigurationError.self) {
            try StrideConfiguration(environment: valid.merging(["OUTBOX_RETENTION_HOURS": "-1"]) { $1 })
        }
    }

    @Test("a short JWT secret is refused")
    func shortSecret() {
        #expect(throws: ConfigurationError.self) {
            try StrideConfiguration(environment: valid.merging(["JWT_SECRET": "short"]) { $1 })
        }
    }

    @Test("the identity provider settings are read")
    func identityProvider() throws {
        var environment = valid
        environment["JWT_SECRET"] = nil
        environment.merge([
            "JWT_JWKS_URL": "https://login.example.com/realms/acme/protocol/openid-connect/certs",
            "JWT_ISSUER": "https://login.example.com/realms/acme", "JWT_AUDIENCE": "stride-goals",
            "JWT_ROLES_CLAIM": "realm_access.roles", "JWT_LEEWAY_SECONDS": "10",
            "JWT_JWKS_MIN_REFRESH_SECONDS": "120", "JWT_JWKS_MAX_AGE_SECONDS": "900", "JWT_JWKS_TIMEOUT_SECONDS": "3",
        ]) { $1 }
        let configuration = try StrideConfiguration(environment: environment)
        #expect(configuration.jwtJWKSURL?.absoluteString == "https://login.example.com/realms/acme/protocol/openid-connect/certs")
        #expect(configuration.jwtIssuer == "https://login.example.com/realms/acme")
        #expect(configuration.jwtAudience == "stride-goals")
        #expect(configuration.jwtRolesClaim == "realm_access.roles")
        #expect(configuration.jwtLeeway == .seconds(10))
        #expect(configuration.jwtJWKSRefresh == JWKSRefreshPolicy(minimumInterval: .seconds(120), maximumAge: .seconds(900), timeout: .seconds(3)))
    }

    @Test("a plain-http JWKS URL is refused unless the host is loopback", arguments: [
        ("http://login.example.com/certs", false), ("ftp://login.example.com/certs", false), ("not a url", false),
        ("https://login.example.com/certs", true), ("http://127.0.0.1:8080/certs", true), ("http://localhost/certs", true),
        ("http://[::1]:9000/certs", true),
    ])
    func jwksURLScheme(url: String, accepted: Bool) {
        var environment = valid
        environment["JWT_SECRET"] = nil
        environment["JWT_JWKS_URL"] = url
        let result = Result { try StrideConfiguration(environment: environment) }
        switch result {
        case .success(let configuration):
            #expect(accepted)
            #expect(configuration.jwtJWKSURL != nil)
        case .failure(let error):
            #expect(!accepted)
            #expect((error as? ConfigurationError)?.problems.first?.hasPrefix("JWT_JWKS_URL is invalid") == true)
        }
    }

    @Test("two sources of token keys are refused")
    func twoKeySources() {
        #expect {
            try StrideConfiguration(environment: valid.merging(["JWT_JWKS_URL": "https://login.example.com/certs"]) { $1 })
        } throws: { error in
            (error as? ConfigurationError)?.problems.first?.hasPrefix("JWT_SECRET and JWT_JWKS_URL are set") == true
        }
    }
}
