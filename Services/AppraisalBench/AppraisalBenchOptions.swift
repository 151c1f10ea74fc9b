import ArgumentParser
import StrideBenchKit

/// The appraisal service's benchmarks: a review cycle for a large company from opening to
/// release, inside the running service — opening (every appraisal and review request, one
/// transaction), review submission through HTTP at a fixed rate, the calibration distribution of
/// a large population, scoring and release with publication — next to raw COPY and raw produce
/// of the same run, and the peak memory of the process meanwhile.
package struct AppraisalBenchOptions: ParsableArguments {
    /// The suites this part runs.
    package static let suites = ["appraisal-cycle"]

    @Option(help: "Employees in the appraisal cycle.")
    package var appraisalEmployees = 100_000

    @Option(help: "Departments (of 20, 5 % of the employees each) in the calibration population.")
    package var calibrationDepartments = 4

    @Option(help: "Review submissions per second through HTTP.")
    package var reviewRate = 200

    @Option(help: "Seconds the review submission and distribution measurements each last.")
    package var appraisalSeconds = 10

    package init() {}

    package func validate() throws {
        guard appraisalEmployees >= 1_000, reviewRate > 0, appraisalSeconds > 0 else {
            throw ValidationError("--appraisal-employees must be at least 1,000; the rate and seconds positive.")
        }
        guard (1...20).contains(calibrationDepartments) else { throw ValidationError("--calibration-departments is 1 to 20.") }
        guard reviewRate * (appraisalSeconds + 2) < appraisalEmployees else {
            throw ValidationError("Each submission needs a self review of its own: rate × (seconds + 2) must stay below the employees.")
        }
    }

    /// Runs the suite into `report`, then the peak resident memory of this process while it ran
    /// (the service and its load generator share it, so it bounds the service's from above).
    package func run(_ run: BenchRun, into report: inout BenchReport) async throws {
        guard run.includes("appraisal-cycle") else { return }
        let memory = MemorySampler()
        try await AppraisalCycleBench(
            kafka: run.kafka, url: run.databaseURL, employees: appraisalEmployees, calibrationDepartments: calibrationDepartments,
            reviewRate: reviewRate, seconds: appraisalSeconds, memory: memory, logger: run.logger
        ).run(into: &report)
        report.add("Appraisal peak resident memory (service + load generator)", await memory.stop(), "MiB", target: "< 512 MiB")
    }
}
