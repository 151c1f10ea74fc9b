import Foundation
import StrideContracts
import StrideDemoKit
import Synchronization

/// The year's appraisal on the appraisal service, through its public interfaces: HR builds the
/// competency library and a template, opens a cycle bound to the closed goal year; employees
/// review themselves and nominate peers (one an external rater too), managers approve; peers,
/// direct reports, the external rater (by the link alone) and managers review; HR scores, one
/// score is explained, departments are calibrated against a guideline, the results released,
/// acknowledged, one disputed. ``release()`` plays that much and hands the finalized appraisals on
/// (the coaching part holds their feedback interviews, the incentives part decides the year's pay
/// on them); ``resolveDispute(_:)`` resolves the dispute as amended once the pay is approved (so
/// the incentives service corrects it); ``close(_:)`` closes the cycle and checks the events on
/// `stride.appraisal.v1` against the actions.
package struct AppraisalDemo: DemoPart {
    let client: ServiceClient
    let goalsClient: ServiceClient
    let context: DemoContext

    package var service: String { "appraisal" }

    /// The appraisal part, against the appraisal service at `baseURL` and the goals service at `goalsURL`.
    package init(context: DemoContext, baseURL: String, goalsURL: String) {
        client = context.client(baseURL: baseURL)
        goalsClient = context.client(baseURL: goalsURL)
        self.context = context
    }

    /// What the part did, to compare with the events the service emitted.
    struct Tally: Sendable {
        var cyclesOpened = 0
        var reviewsRequested = 0
        var reviewsSubmitted = 0
        /// Sessions opened, adjustments and locks each publish the session's distribution.
        var distributionChanges = 0
        var adjustments = 0
        var finalized = 0
        var acknowledged = 0
        var disputed = 0
        var resolved = 0
        var cyclesClosed = 0

        /// Adds what `other` counted.
        mutating func add(_ other: Tally) {
            cyclesOpened += other.cyclesOpened
            reviewsRequested += other.reviewsRequested
            reviewsSubmitted += other.reviewsSubmitted
            distributionChanges += other.distributionChanges
            adjustments += other.adjustments
            finalized += other.finalized
            acknowledged += other.acknowledged
            disputed += other.disputed
            resolved += other.resolved
            cyclesClosed += other.cyclesClosed
        }
    }

    /// What the part does to the cycle between ``release()`` and ``close(_:)`` (the dispute's
    /// resolution), counted for the check at the end.
    final class AfterRelease: Sendable {
        private let tally = Mutex(Tally())

        func add(_ counted: Tally) { tally.withLock { $0.add(counted) } }

        var counted: Tally { tally.withLock { $0 } }
    }

    /// The cycle between ``release()`` and ``close(_:)``: its appraisals as released, the dispute
    /// still open, and the reading of `stride.appraisal.v1` that goes on meanwhile.
    package struct Released: Sendable {
        /// Every appraisal of the cycle, finalized (version 1: the disputed one too).
        package let finalized: [FinalizedAppraisal]
        /// What the incentives part binds its compensation cycle to.
        package let cycleResult: ReleasedAppraisalCycle
        let cycle: CycleView
        let tally: Tally
        /// The dispute raised at release, for ``resolveDispute(_:)``.
        let dispute: OpenDispute?
        let afterRelease = AfterRelease()
        let counter: EventCounter
        let counting: Task<Void, Never>
    }

    package func run() async throws {
        let released = try await release()
        _ = try await resolveDispute(released)
        try await close(released)
    }

    /// Plays the cycle from the library to the dispute, which it leaves open (sections 10–17).
    package func release() async throws -> Released {
        let reply: ServiceClient.Reply
        do {
            reply = try await client.send("GET", "/health/ready", as: nil)
        } catch {
            throw DemoError("the appraisal service does not answer at \(client.baseURL) (\(error)); run deploy/dev/run")
        }
        guard reply.status == 200 else { throw DemoError("the appraisal service is not ready: \(reply.status) \(reply.text.prefix(300))") }
        let counter = try await EventCounter.start(
            topic: StrideTopic.appraisal.rawValue, source: "/stride/appraisal", since: Date(), kafka: context.kafka,
            logger: context.logger)
        let counting = Task { await counter.run() }
        do {
            var tally = Tally()
            console.section("10. Appraisal: HR's competency library and an evaluation template")
            let template = try await buildLibrary()

            console.section("11. HR opens the review cycle, bound to the closed goal year")
            let (period, attainments) = try await goalsClient.closedGoalYear(of: context)
            let cycle = try await openCycle(template: template, period: period, tally: &tally)
            let appraisals = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)

            console.section("12. Self reviews; employees nominate peers (one an external rater too), managers approve")
            try await submitReviews(in: cycle, groups: [.selfReview], tally: &tally)
            try await advance(cycle, to: .nominations)
            let links = try await nominate(appraisals, tally: &tally)

            console.section("13. Peers, direct reports and the external rater review (peer_reviews)")
            try await advance(cycle, to: .peerReviews)
            try await submitReviews(in: cycle, groups: [.peer, .directReport], tally: &tally)
            try await reviewExternally(links, tally: &tally)

            console.section("14. Managers review and rate potential; HR scores the cycle (manager_review)")
            try await advance(cycle, to: .managerReview)
            try await submitReviews(in: cycle, groups: [.manager], tally: &tally)
            try await ratePotential(appraisals)
            let attainmentByEmployee = Dictionary(attainments.map { ($0.employeeID, $0.percent) }, uniquingKeysWith: { first, _ in first })
            try await score(cycle, appraisals: appraisals, attainments: attainmentByEmployee)

            console.section("15. One score explained, step by step")
            try await explain(appraisals)

            console.section("16. Calibration per department against the guideline; the nine-box")
            try await advance(cycle, to: .calibration)
            try await calibrate(cycle, tally: &tally)

            console.section("17. Release (feedback): acknowledgements, and one dispute, open while the year's pay is decided")
            try await advance(cycle, to: .feedback)
            tally.finalized += appraisals.count
            let (finalized, dispute) = try await respond(to: cycle, attainments: attainmentByEmployee, tally: &tally)
            let result = ReleasedAppraisalCycle(
                cycleID: cycle.cycleID, name: cycle.name, finalized: finalized,
                competencies: zip(AppraisalScenario.competencies, competencyIDs).map { .init(competencyID: $1, name: $0.name) },
                disputed: dispute.flatMap { dispute in finalized.first { $0.appraisalID == dispute.appraisalID } })
            return Released(
                finalized: finalized, cycleResult: result, cycle: cycle, tally: tally, dispute: dispute, counter: counter, counting: counting)
        } catch {
            counting.cancel()
            await counting.value
            await counter.close()
            throw error
        }
    }

    /// Closes the cycle and checks the events on `stride.appraisal.v1` (the last section).
    package func close(_ released: Released) async throws {
        defer { released.counting.cancel() }
        var tally = released.tally
        tally.add(released.afterRelease.counted)
        console.section("35. HR closes the appraisal cycle; events on \(StrideTopic.appraisal.rawValue) during this run (ce_source /stride/appraisal)")
        try await advance(released.cycle, to: .closed)
        tally.cyclesClosed += 1
        try await released.counter.check(
            [
                .init(CycleOpened.eventType, "CycleOpened", tally.cyclesOpened),
                .init(ReviewRequested.eventType, "ReviewRequested", tally.reviewsRequested),
                .init(ReviewSubmitted.eventType, "ReviewSubmitted", tally.reviewsSubmitted),
                .init(CalibrationDistributionChanged.eventType, "CalibrationDistributionChanged", tally.distributionChanges),
                .init(AppraisalCalibrated.eventType, "AppraisalCalibrated", tally.adjustments),
                .init(AppraisalFinalized.eventType, "AppraisalFinalized", tally.finalized),
                .init(AppraisalAcknowledged.eventType, "AppraisalAcknowledged", tally.acknowledged),
                .init(AppraisalDisputed.eventType, "AppraisalDisputed", tally.disputed),
                .init(AppraisalDisputeResolved.eventType, "AppraisalDisputeResolved", tally.resolved),
                .init(CycleClosed.eventType, "CycleClosed", tally.cyclesClosed),
            ], topic: StrideTopic.appraisal.rawValue, on: console)
        released.counting.cancel()
        await released.counting.value
        await released.counter.close()
    }
}
