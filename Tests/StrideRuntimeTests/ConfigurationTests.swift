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
            "HTTP_PORT": "9000", "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        ]) { $1 })
        #expect(configuration.httpPort == 9000)
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.databasePoolSize == 10)
        #expect(configuration.kafkaProperties == ["security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512"])
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
                && problems.contains { $0.hasPrefix("JWT_SECRET or JWT_JWKS is missing") }
                && problems.contains { $0.hasPrefix("LOG_LEVEL is invalid") }
        }
    }

    @Test("a short JWT secret is refused")
    func shortSecret() {
        #expect(throws: ConfigurationError.self) {
            try StrideConfiguration(environment: valid.merging(["JWT_SECRET": "short"]) { $1 })
        }
    }
}
