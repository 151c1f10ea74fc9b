import ArgumentParser
import Foundation
import StrideAppraisalBench
import StrideIncentivesBench
import StrideBenchKit
import StrideCommandLine
import StrideCoachingBench
import StrideGoalsBench
import StrideKafka

/// `stride-bench`: measures Stride's clients, pipeline and services against the raw ceilings of
/// the same broker and database, in one run. Each service's part lives in `Services/<Service>Bench`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stride-bench",
        abstract: "Benchmark the Kafka and PostgreSQL wrappers, the outbox→inbox pipeline and the services against raw librdkafka and libpq.",
        discussion: """
            Build with -c release for meaningful figures. Needs DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS.
            Suites: \(Self.suites.joined(separator: ", ")); all run unless --only or --skip says otherwise.
            """)

    /// Every suite, in the order they run.
    static let suites = RuntimeBenchOptions.suites + GoalsBenchOptions.suites + CoachingBenchOptions.suites + AppraisalBenchOptions.suites
        + IncentivesBenchOptions.suites

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var runtime: RuntimeBenchOptions
    @OptionGroup var goals: GoalsBenchOptions
    @OptionGroup var coaching: CoachingBenchOptions
    @OptionGroup var appraisal: AppraisalBenchOptions
    @OptionGroup var incentives: IncentivesBenchOptions

    @Option(name: .customLong("only"), help: "Run only this suite (repeatable).")
    var only: [String] = []

    @Option(name: .customLong("skip"), help: "Skip this suite (repeatable).")
    var skip: [String] = []

    @Flag(help: "Print the results as a Markdown table too (for README.md).")
    var markdown = false

    func validate() throws {
        for name in only + skip where !Self.suites.contains(name) {
            throw ValidationError("No suite '\(name)'; the suites are \(Self.suites.joined(separator: ", ")).")
        }
    }

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; figures are only meaningful with `swift build -c release`")
        #endif
        let kafka = try connection.kafkaConfiguration()
        let run = BenchRun(
            kafka: kafka, databaseURL: try connection.databaseURL(), logger: connection.logger("stride.bench"),
            only: Set(only), skip: Set(skip))
        var report = BenchReport()
        print("stride-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, broker \(kafka.bootstrapServers)")
        try await runtime.run(run, into: &report)
        try await goals.run(run, into: &report)
        try await coaching.run(run, into: &report)
        try await appraisal.run(run, into: &report)
        try await incentives.run(run, into: &report)
        if markdown { print("\n" + report.markdown) }
    }
}
