import ArgumentParser
import Foundation
import Logging
import StrideKafka

/// Where the CLI finds the broker (and the database, for the commands that need one).
package struct ConnectionOptions: ParsableArguments {
    @Option(help: "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS).")
    package var kafka: String?

    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    package var database: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    package var logLevel: Logger.Level = .warning

    package init() {}

    package func kafkaConfiguration() throws -> KafkaConfiguration {
        guard let servers = kafka ?? ProcessInfo.processInfo.environment["KAFKA_BOOTSTRAP_SERVERS"], !servers.isEmpty else {
            throw ValidationError("No broker: pass --kafka or set KAFKA_BOOTSTRAP_SERVERS (deploy/dev/infra env prints it).")
        }
        return KafkaConfiguration(bootstrapServers: servers)
    }

    package func databaseURL() throws -> String {
        guard let url = database ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("No database: pass --database or set DATABASE_URL (deploy/dev/infra env prints it).")
        }
        return url
    }

    package func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
