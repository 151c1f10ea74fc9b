import ArgumentParser
import Foundation
import StrideKafka

/// `stride bench`: measures Stride's clients, pipeline and goals service against the raw ceilings
/// of the same broker and database, in one run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the Kafka and PostgreSQL wrappers, the outbox→inbox pipeline and the goals service against raw librdkafka and libpq.",
        discussion: """
            Build with -c release for meaningful figures. Needs DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS.
            Suites: kafka, postgres, pipeline, goals-progress, period-close; all run unless --only or --skip says otherwise.
            """)

    /// The groups of measurements one run can include.
    enum Suite: String, CaseIterable, ExpressibleByArgument {
        case kafka, postgres, pipeline
        case goalsProgress = "goals-progress"
        case periodClose = "period-close"
    }

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("only"), help: "Run only this suite (repeatable): \(Suite.allCases.map(\.rawValue).joined(separator: ", ")).")
    var only: [Suite] = []

    @Option(name: .customLong("skip"), help: "Skip this suite (repeatable).")
    var skip: [Suite] = []

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

    @Option(help: "Goals the progress updates are spread over (5 per employee).")
    var progressGoals = 1_000

    @Option(help: "Progress updates per second in the open-loop measurement.")
    var progressRate = 500

    @Option(help: "Seconds each progress measurement (open and closed loop) lasts.")
    var progressSeconds = 10

    @Option(help: "Keep-alive HTTP connections for the open-loop progress measurement.")
    var progressConnections = 8

    @Option(help: "Keep-alive HTTP connections for the closed-loop (maximum throughput) progress measurement.")
    var progressMaxConnections = 16

    @Option(help: "Employees in the period-close measurement.")
    var closeEmployees = 100_000

    @Option(help: "Goals per employee in the period-close measurement (equal weights).")
    var closeGoalsPerEmployee = 5

    @Flag(help: "Print the results as a Markdown table too (for README.md).")
    var markdown = false

    func validate() throws {
        guard progressRate > 0, progressSeconds > 0, progressConnections > 0, progressMaxConnections > 0, progressGoals > 0 else {
            throw ValidationError("The progress rate, seconds, connections and goals must be positive.")
        }
        guard closeEmployees > 0, (1...100).contains(closeGoalsPerEmployee) else {
            throw ValidationError("--close-employees must be positive and --close-goals-per-employee 1 to 100.")
        }
    }

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; figures are only meaningful with `swift build -c release`")
        #endif
        let kafka = try connection.kafkaConfiguration()
        let url = try connection.databaseURL()
        let logger = connection.logger("stride.bench")
        let suites = Set(only.isEmpty ? Suite.allCases : only).subtracting(skip)
        var report = BenchReport()
        print("stride bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, broker \(kafka.bootstrapServers)")
        var pipelineCeiling: Double?
        if suites.contains(.kafka) {
            pipelineCeiling = try await KafkaBench(kafka: kafka, messages: messages, logger: logger).run(into: &report)
        }
        if suites.contains(.postgres) {
            try await PostgresBench(url: url, rows: rows, logger: logger).run(into: &report)
        }
        if suites.contains(.pipeline) {
            try await PipelineBench(
                kafka: kafka, url: url, events: pipelineEvents, rate: latencyRate, seconds: latencySeconds, logger: logger
            ).run(into: &report, ceiling: pipelineCeiling)
        }
        if suites.contains(.goalsProgress) {
            try await GoalsProgressBench(
                kafka: kafka, url: url, goals: progressGoals, rate: progressRate, seconds: progressSeconds,
                connections: progressConnections, closedLoopConnections: progressMaxConnections, logger: logger
            ).run(into: &report)
        }
        if suites.contains(.periodClose) {
            try await PeriodCloseBench(
                kafka: kafka, url: url, employees: closeEmployees, perEmployee: closeGoalsPerEmployee, logger: logger
            ).run(into: &report)
        }
        if markdown { print("\n" + report.markdown) }
    }
}
