import ArgumentParser
import StrideBenchKit

/// The coaching service's benchmarks: check-ins through HTTP next to raw single-row INSERTs (and
/// the goals progress rate of the same run), the timeline and team-board queries over a year of
/// records for a large company, the `GoalAtRisk` → agenda latency at a fixed event rate, and the
/// peak memory of the process that hosts the service meanwhile.
package struct CoachingBenchOptions: ParsableArguments {
    /// The suites this part runs.
    package static let suites = ["coaching-checkins", "coaching-views", "coaching-nudges"]

    @Option(help: "Employees whose check-ins the check-in measurement spreads over.")
    package var checkInEmployees = 1_000

    @Option(help: "Seconds the check-in and view measurements each last.")
    package var coachingSeconds = 10

    @Option(help: "Keep-alive HTTP connections for the closed-loop check-in measurement.")
    package var checkInConnections = 16

    @Option(help: "Employees in the views measurement (about 100 coaching records each).")
    package var viewsEmployees = 100_000

    @Option(help: "Keep-alive HTTP connections for the timeline and team-board measurement.")
    package var viewsConnections = 2

    @Option(help: "GoalAtRisk events per second in the nudge latency measurement.")
    package var nudgeRate = 1_000

    package init() {}

    package func validate() throws {
        guard checkInEmployees > 0, coachingSeconds > 0, checkInConnections > 0, viewsConnections > 0, nudgeRate > 0 else {
            throw ValidationError("The coaching employees, seconds, connections and rate must be positive.")
        }
        guard viewsEmployees >= 10 else { throw ValidationError("--views-employees must be at least 10.") }
    }

    /// Runs the chosen suites into `report`, then the peak resident memory of this process while
    /// they ran (the service and its load generator share it, so it bounds the service's from above).
    package func run(_ run: BenchRun, into report: inout BenchReport) async throws {
        let memory = MemorySampler()
        var ran = false
        if run.includes("coaching-checkins") {
            try await CheckInBench(
                kafka: run.kafka, url: run.databaseURL, employees: checkInEmployees, seconds: coachingSeconds,
                connections: checkInConnections, memory: memory, logger: run.logger
            ).run(into: &report)
            ran = true
        }
        if run.includes("coaching-views") {
            try await CoachingViewsBench(
                kafka: run.kafka, url: run.databaseURL, employees: viewsEmployees, seconds: coachingSeconds,
                connections: viewsConnections, memory: memory, logger: run.logger
            ).run(into: &report)
            ran = true
        }
        if run.includes("coaching-nudges") {
            try await NudgeLatencyBench(
                kafka: run.kafka, url: run.databaseURL, rate: nudgeRate, seconds: coachingSeconds, memory: memory, logger: run.logger
            ).run(into: &report)
            ran = true
        }
        if ran {
            report.add("Coaching peak resident memory (service + load generator)", await memory.stop(), "MiB", target: "< 256 MiB")
        }
    }
}
