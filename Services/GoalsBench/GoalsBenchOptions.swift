import ArgumentParser
import StrideBenchKit

/// The goals service's benchmarks: progress updates through HTTP (open and closed loop) next to
/// raw single-row INSERTs, and a period close for a large company next to raw COPY.
package struct GoalsBenchOptions: ParsableArguments {
    /// The suites this part runs.
    package static let suites = ["goals-progress", "period-close"]

    @Option(help: "Goals the progress updates are spread over (5 per employee).")
    package var progressGoals = 1_000

    @Option(help: "Progress updates per second in the open-loop measurement.")
    package var progressRate = 500

    @Option(help: "Seconds each progress measurement (open and closed loop) lasts.")
    package var progressSeconds = 10

    @Option(help: "Keep-alive HTTP connections for the open-loop progress measurement.")
    package var progressConnections = 8

    @Option(help: "Keep-alive HTTP connections for the closed-loop (maximum throughput) progress measurement.")
    package var progressMaxConnections = 16

    @Option(help: "Employees in the period-close measurement.")
    package var closeEmployees = 100_000

    @Option(help: "Goals per employee in the period-close measurement (equal weights).")
    package var closeGoalsPerEmployee = 5

    package init() {}

    package func validate() throws {
        guard progressRate > 0, progressSeconds > 0, progressConnections > 0, progressMaxConnections > 0, progressGoals > 0 else {
            throw ValidationError("The progress rate, seconds, connections and goals must be positive.")
        }
        guard closeEmployees > 0, (1...100).contains(closeGoalsPerEmployee) else {
            throw ValidationError("--close-employees must be positive and --close-goals-per-employee 1 to 100.")
        }
    }

    /// Runs the chosen suites into `report`.
    package func run(_ run: BenchRun, into report: inout BenchReport) async throws {
        if run.includes("goals-progress") {
            try await GoalsProgressBench(
                kafka: run.kafka, url: run.databaseURL, goals: progressGoals, rate: progressRate, seconds: progressSeconds,
                connections: progressConnections, closedLoopConnections: progressMaxConnections, logger: run.logger
            ).run(into: &report)
        }
        if run.includes("period-close") {
            try await PeriodCloseBench(
                kafka: run.kafka, url: run.databaseURL, employees: closeEmployees, perEmployee: closeGoalsPerEmployee,
                logger: run.logger
            ).run(into: &report)
        }
    }
}
