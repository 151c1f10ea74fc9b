import ArgumentParser
import Foundation
import StrideKafka

/// `stride bench`: measures Stride's clients and pipeline against the raw ceilings of the same
/// broker and database, in one run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the Kafka and PostgreSQL wrappers and the outbox→inbox pipeline against raw librdkafka and libpq.",
        discussion: "Build with -c release for meaningful figures. Needs DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Messages per Kafka measurement.")
    var messages = 200_000

    @Option(help: "Rows per PostgreSQL measurement.")
    var rows = 200_000

    @Option(help: "Events for the pipeline's sustained-throughput measurement.")
    var pipelineEvents = 50_000

    @Option(help: "Events per second for the pipeline's latency measurement.")
    var latencyRate = 1_000

    @Option(help: "Seconds the latency measurement lasts.")
    var latencySeconds = 10

    @Flag(help: "Print the results as a Markdown table too (for README.md).")
    var markdown = false

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; figures are only meaningful with `swift build -c release`")
        #endif
        let kafka = try connection.kafkaConfiguration()
        let url = try connection.databaseURL()
        let logger = connection.logger("stride.bench")
        var report = BenchReport()
        print("stride bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, broker \(kafka.bootstrapServers)")
        let pipelineCeiling = try await KafkaBench(kafka: kafka, messages: messages, logger: logger).run(into: &report)
        try await PostgresBench(url: url, rows: rows, logger: logger).run(into: &report)
        try await PipelineBench(
            kafka: kafka, url: url, events: pipelineEvents, rate: latencyRate, seconds: latencySeconds, logger: logger
        ).run(into: &report, ceiling: pipelineCeiling)
        if markdown { print("\n" + report.markdown) }
    }
}
