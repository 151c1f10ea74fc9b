import Logging
import StrideKafka

/// What every service's part of `stride-bench` is given: the broker, the database, a logger,
/// and which suites the operator chose.
package struct BenchRun: Sendable {
    package let kafka: KafkaConfiguration
    package let databaseURL: String
    package let logger: Logger
    /// Suites to run; empty means all of them.
    package let only: Set<String>
    package let skip: Set<String>

    package init(kafka: KafkaConfiguration, databaseURL: String, logger: Logger, only: Set<String>, skip: Set<String>) {
        self.kafka = kafka
        self.databaseURL = databaseURL
        self.logger = logger
        self.only = only
        self.skip = skip
    }

    /// Whether the suite named `suite` is to run.
    package func includes(_ suite: String) -> Bool {
        (only.isEmpty || only.contains(suite)) && !skip.contains(suite)
    }
}
