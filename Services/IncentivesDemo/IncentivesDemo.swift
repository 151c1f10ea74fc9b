import Foundation
import StrideContracts
import StrideDemoKit

/// The year finished on the incentives service, through its public interfaces: HR opens the
/// compensation cycle with its budgets, bound to the appraisal part's cycle, and runs the merit and
/// bonus run once the service has every final appraisal; the matrix and each department's spend
/// against its pools are shown; managers adjust (one inside the range, one outside it, which HR
/// approves with a reason); HR approves every department (someone else where HR's own pay is in
/// it), which sends the compensation changes to payroll. Then the appraisal part resolves its open
/// dispute as amended, and the service reverses the disputed employee's approved changes and sends
/// new ones. HR releases the cycle and an employee reads their letter; promotions (one accepted),
/// development actions and the consequence review of the coaching part's failed improvement plan
/// are listed; the reference payroll consumer (``StridePayrollExport``) writes the CSV files, whose
/// lines and sums are checked against the approved changes; and the events on
/// `stride.incentives.v1` and `stride.payroll.v1` are checked against what the actions caused.
package struct IncentivesDemo: DemoPart {
    let client: ServiceClient
    let context: DemoContext
    /// Each run exports payroll into a new directory under this one.
    let payrollDirectory: String
    /// The appraisal cycle the compensation cycle binds to.
    let appraisals: ReleasedAppraisalCycle
    /// The coaching part's failed improvement plan, whose consequence review HR decides.
    let failedPlan: FailedImprovementPlan?
    let events: Events
    /// Resolves the appraisal part's open dispute as amended; returns the amended appraisal.
    let amendDispute: @Sendable () async throws -> FinalizedAppraisal?

    package var service: String { "incentives" }

    /// The incentives part, against the incentives service at `baseURL`, after the appraisal part
    /// released `appraisals` and the coaching part failed `failedPlan`; `events` has been reading
    /// the service's topics since before the coaching part, `amendDispute` resolves the appraisal
    /// part's dispute once the pay is approved.
    package init(
        context: DemoContext, baseURL: String, payrollDirectory: String, appraisals: ReleasedAppraisalCycle,
        failedPlan: FailedImprovementPlan?, events: Events, amendDispute: @escaping @Sendable () async throws -> FinalizedAppraisal?
    ) {
        client = context.client(baseURL: baseURL)
        self.context = context
        self.payrollDirectory = payrollDirectory
        self.appraisals = appraisals
        self.failedPlan = failedPlan
        self.events = events
        self.amendDispute = amendDispute
    }

    /// The reading of `stride.incentives.v1` and `stride.payroll.v1`. It starts before the coaching
    /// part: the failed improvement plan's consequence review is announced while that part runs.
    package struct Events: Sendable {
        let incentives: EventCounter
        let payroll: EventCounter
        let counting: Task<Void, Never>

        /// Checks that the incentives service at `baseURL` is ready and starts reading its topics.
        package static func start(context: DemoContext, baseURL: String) async throws -> Events {
            let client = context.client(baseURL: baseURL)
            let reply: ServiceClient.Reply
            do {
                reply = try await client.send("GET", "/health/ready", as: nil)
            } catch {
                throw DemoError("the incentives service does not answer at \(client.baseURL) (\(error)); run deploy/dev/run")
            }
            guard reply.status == 200 else { throw DemoError("the incentives service is not ready: \(reply.status) \(reply.text.prefix(300))") }
            let since = Date()
            let incentives = try await EventCounter.start(
                topic: StrideTopic.incentives.rawValue, source: IncentivesDemo.source, since: since, kafka: context.kafka, logger: context.logger)
            let payroll: EventCounter
            do {
                payroll = try await EventCounter.start(
                    topic: StrideTopic.payroll.rawValue, source: IncentivesDemo.source, since: since, kafka: context.kafka, logger: context.logger)
            } catch {
                await incentives.close()
                throw error
            }
            let counting = Task {
                async let first: Void = incentives.run()
                async let second: Void = payroll.run()
                _ = await (first, second)
            }
            return Events(incentives: incentives, payroll: payroll, counting: counting)
        }

        /// Stops reading.
        func close() async {
            counting.cancel()
            await counting.value
            await incentives.close()
            await payroll.close()
        }
    }

    /// The CloudEvents source of the incentives service's events (both topics).
    static let source = "/stride/incentives"

    /// What the part did, to compare with the events the service emitted. The payroll events are
    /// compared with the changes the service lists at the end.
    struct Tally: Sendable {
        /// Announced by each run, and again by the correction (`MeritRecommended`, `BonusRecommended`).
        var meritRecommended = 0
        var bonusRecommended = 0
        /// Adjustments applied: inside the range at once, outside once HR approves.
        var adjusted = 0
        /// Recommendations approved: by department, again by the correction, and promotions accepted.
        var approved = 0
        var promotions = 0
        var developmentActions = 0
        var consequenceReviews = 0
    }

    package func run() async throws {
        do {
            try await play()
            await events.close()
        } catch {
            await events.close()
            throw error
        }
    }

    /// Sections 26–34.
    private func play() async throws {
        var tally = Tally()
        console.section("26. Incentives: HR opens the compensation cycle with budgets, bound to the appraisal cycle")
        let cycle = try await openCycle()

        console.section("27. The merit and bonus run: the matrix, and spend against pool per department")
        let summaries = try await runCycle(cycle, tally: &tally)
        try await showMatrix(of: cycle)
        showBudgets(summaries.last!.budgets)

        console.section("28. Managers adjust: one inside the range, one outside it with a justification, which HR approves")
        let adjusted = try await adjust(cycle, tally: &tally)

        console.section("29. HR approves every department → compensation changes to payroll (\(StrideTopic.payroll.rawValue))")
        try await approveDepartments(of: cycle, tally: &tally)

        console.section("30. The appraisal dispute resolved as amended → incentives reverses the approved pay and sends it anew")
        let corrected = try await correct(cycle, tally: &tally)

        console.section("31. HR releases the cycle; an employee reads their compensation letter")
        try await release(cycle, reader: corrected ?? adjusted.first)

        console.section("32. Promotions, development actions and consequence reviews")
        try await showCareers(of: cycle, summaries: summaries, tally: &tally)

        console.section("33. Payroll: the export writes the CSV files; what a payroll team checks before it pays")
        let changes = try await exportPayroll(of: cycle)

        console.section(
            "34. Events on \(StrideTopic.incentives.rawValue) and \(StrideTopic.payroll.rawValue) during this run (ce_source \(Self.source))")
        try await checkEvents(tally: tally, changes: changes)
    }
}
