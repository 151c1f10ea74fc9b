import ArgumentParser

/// The benchmarks of what every service shares: the Kafka and PostgreSQL wrappers and the
/// outbox → inbox pipeline, each next to raw librdkafka or libpq measured in the same run.
package struct RuntimeBenchOptions: ParsableArguments {
    /// The suites this part runs.
    package static let suites = ["kafka", "postgres", "pipeline", "relay"]

    @Option(help: "Messages per Kafka measurement.")
    package var messages = 200_000

    @Option(help: "Rows per PostgreSQL measurement.")
    package var rows = 200_000

    @Option(help: "Events for the pipeline's sustained-throughput measurement.")
    package var pipelineEvents = 50_000

    @Option(help: "Events in the backlog the relay measurement publishes.")
    package var relayEvents = 200_000

    @Option(help: "Events per second for the pipeline's latency measurement.")
    package var latencyRate = 1_000

    @Option(help: "Seconds the latency measurement lasts.")
    package var latencySeconds = 10

    package init() {}

    package func validate() throws {
        guard messages > 0, rows > 0, pipelineEvents > 0, relayEvents > 0, latencyRate > 0, latencySeconds > 0 else {
            throw ValidationError("--messages, --rows, --pipeline-events, --relay-events, --latency-rate and --latency-seconds must be positive.")
        }
    }

    /// Runs the chosen suites into `report`.
    package func run(_ run: BenchRun, into report: inout BenchReport) async throws {
        var pipelineCeiling: Double?
        if run.includes("kafka") {
            pipelineCeiling = try await KafkaBench(kafka: run.kafka, messages: messages, logger: run.logger).run(into: &report)
        }
        if run.includes("postgres") {
            try await PostgresBench(url: run.databaseURL, rows: rows, logger: run.logger).run(into: &report)
        }
        if run.includes("pipeline") {
            try await PipelineBench(
                kafka: run.kafka, url: run.databaseURL, events: pipelineEvents, rate: latencyRate, seconds: latencySeconds,
                logger: run.logger
            ).run(into: &report, ceiling: pipelineCeiling)
        }
        if run.includes("relay") {
            try await RelayBench(kafka: run.kafka, url: run.databaseURL, events: relayEvents, logger: run.logger).run(into: &report)
        }
    }
}
