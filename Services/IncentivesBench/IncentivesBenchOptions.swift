import ArgumentParser
import StrideBenchKit

/// The incentives service's benchmarks: the merit and bonus run of a large company, the approval
/// of every department and the publication of its payroll changes, and the reference payroll
/// export reading them — each next to its raw ceiling of the same run (COPY, produce, consume) —
/// and the peak memory of the process meanwhile.
package struct IncentivesBenchOptions: ParsableArguments {
    /// The suites this part runs.
    package static let suites = ["incentives-cycle"]

    @Option(help: "Employees in the compensation cycle.")
    package var incentivesEmployees = 100_000

    @Option(help: "Departments HR approves at once (concurrent approval requests).")
    package var approvers = 2

    package init() {}

    package func validate() throws {
        guard incentivesEmployees >= 1_000 else { throw ValidationError("--incentives-employees must be at least 1,000.") }
        guard (1...20).contains(approvers) else { throw ValidationError("--approvers must be from 1 to 20.") }
    }

    /// Runs the suite into `report`, then the peak resident memory of this process while it ran.
    package func run(_ run: BenchRun, into report: inout BenchReport) async throws {
        guard run.includes("incentives-cycle") else { return }
        let memory = MemorySampler()
        try await IncentivesCycleBench(
            kafka: run.kafka, url: run.databaseURL, employees: incentivesEmployees, approvers: approvers, memory: memory, logger: run.logger
        ).run(into: &report)
        report.add("Incentives peak resident memory (service + export)", await memory.stop(), "MiB", target: "< 512 MiB")
    }
}
