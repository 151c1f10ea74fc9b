import ArgumentParser
import Foundation
import StrideCommandLine
import StrideAppraisalDemo
import StrideDemoKit
import StrideCoachingDemo
import StrideGoalsDemo
import StrideIncentivesDemo

/// `stride-demo`: Stride's main job, end to end, against the running services, one part per
/// service (each in `Services/<Service>Demo`) on the kit they share.
@main
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stride-demo",
        abstract: "Run a year on Stride's services: goals through attainment, the appraisal cycle, coaching and feedback interviews, the year's pay and payroll.",
        discussion: """
            Publishes the org chart to hr.employees.v1, then acts as HR, managers and employees over each
            service's HTTP API (tokens signed with JWT_SECRET, as the services verify them) and as a CRM
            publishing metric readings, while it reads the services' events. The year ends with the
            compensation cycle on the appraisal results: budgets, the merit and bonus run, adjustments,
            approval, a correction after the appraisal dispute, and the payroll export (the reference
            consumer of stride.payroll.v1) into a new directory under --payroll-directory, checked
            against the approved changes. deploy/dev/run starts the infrastructure and the services,
            then runs this.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var goals: GoalsDemoOptions
    @OptionGroup var coaching: CoachingDemoOptions
    @OptionGroup var appraisal: AppraisalDemoOptions
    @OptionGroup var incentives: IncentivesDemoOptions

    @Flag(help: "Run the goals part only (no coaching, appraisal or incentives service).")
    var goalsOnly = false

    @Option(help: "The HS256 secret the services verify tokens with (default: $JWT_SECRET).")
    var jwtSecret: String?

    @Option(help: "The HRIS export to import.")
    var org = "deploy/dev/sample-org.csv"

    @Option(help: "Requests in flight at once when many people act together.")
    var concurrency = 8

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be 1…64") }
    }

    func run() async throws {
        guard let secret = jwtSecret ?? ProcessInfo.processInfo.environment["JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("No secret: pass --jwt-secret or set JWT_SECRET to the one the services run with.")
        }
        let context = try await DemoContext.make(
            orgFile: org, secret: secret, kafka: try connection.kafkaConfiguration(),
            logger: connection.logger("stride.demo"), concurrency: concurrency)
        try await GoalsDemo(context: context, baseURL: goals.baseURL).run()
        guard !goalsOnly else { return }
        // The appraisal cycle runs on the closed year up to its release, one dispute left open; the
        // coaching part then holds the feedback interviews its AppraisalFinalized events schedule
        // (and fails an improvement plan, which the incentives service turns into a consequence
        // review, so its events are read from before). The incentives part decides the year's pay
        // on the released ratings; once it is approved the dispute is resolved as amended, which
        // the pay follows (a reversal and a new change), before payroll exports it. The appraisal
        // cycle closes last.
        let appraisals = AppraisalDemo(context: context, baseURL: appraisal.baseURL, goalsURL: goals.baseURL)
        let released = try await appraisals.release()
        let incentiveEvents = try await IncentivesDemo.Events.start(context: context, baseURL: incentives.baseURL)
        let coached = try await CoachingDemo(
            context: context, baseURL: coaching.baseURL, goalsURL: goals.baseURL, appraisals: released.finalized
        ).play()
        try await IncentivesDemo(
            context: context, baseURL: incentives.baseURL, payrollDirectory: incentives.payrollDirectory,
            appraisals: released.cycleResult, failedPlan: coached.failedPlan, events: incentiveEvents,
            amendDispute: { try await appraisals.resolveDispute(released) }
        ).run()
        try await appraisals.close(released)
    }
}
