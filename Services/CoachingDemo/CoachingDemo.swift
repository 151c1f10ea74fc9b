import Foundation
import Logging
import StrideContracts
import StrideDemoKit
import StrideKafka

/// The goal year continued through the coaching service's public interfaces: the at-risk goals
/// the goals part produced arrive as nudges on managers' 1:1 agendas; employees check in (some
/// late), people give feedback and kudos, evidence is logged against goals; then what a manager
/// and HR look at (a team board, completion rates); one improvement plan through its
/// checkpoints, an extension and success, and a second one that fails (the incentives part
/// reads the consequence review it causes); the appraisal service's finalized appraisals
/// (`AppraisalFinalized`, from the appraisal part's cycle) leading to feedback interviews whose suggested goals the goals service turns
/// into next year's drafts; and the events on `stride.coaching.v1` checked against what the
/// actions should have caused.
package struct CoachingDemo: DemoPart {
    let client: ServiceClient
    /// The goals service, where HR opens the next year and the interviews' suggested goals become drafts.
    let goalsClient: ServiceClient
    let context: DemoContext
    /// The appraisals the appraisal part released, whose `AppraisalFinalized` schedule interviews.
    let appraisals: [FinalizedAppraisal]

    package var service: String { "coaching" }

    /// The coaching part of the demo, against the coaching service at `baseURL` and the goals
    /// service at `goalsURL`, after the appraisal part released `appraisals`.
    package init(context: DemoContext, baseURL: String, goalsURL: String, appraisals: [FinalizedAppraisal]) {
        client = context.client(baseURL: baseURL)
        goalsClient = context.client(baseURL: goalsURL)
        self.context = context
        self.appraisals = appraisals
    }

    /// What the part did, to compare with the events the service emitted.
    struct Tally: Sendable {
        var checkIns = 0
        var feedback = 0
        var evidence = 0
        /// Improvement plans acknowledged (`ImprovementPlanStarted`).
        var plansStarted = 0
        /// Checkpoint reviews (`ImprovementPlanCheckpointReviewed`).
        var checkpointReviews = 0
        /// Outcomes decided, extensions included (`ImprovementPlanClosed`).
        var planClosings = 0
        /// Interviews signed off by both sides (`FeedbackInterviewCompleted`).
        var interviewsCompleted = 0
    }

    /// What the part leaves for the parts after it.
    package struct Coached: Sendable {
        /// The improvement plan closed as failed.
        package let failedPlan: FailedImprovementPlan
    }

    package func run() async throws {
        _ = try await play()
    }

    /// Plays the part (sections 18–25).
    package func play() async throws -> Coached {
        let console = context.console
        let reply: ServiceClient.Reply
        do {
            reply = try await client.send("GET", "/health/ready", as: nil)
        } catch {
            throw DemoError("the coaching service does not answer at \(client.baseURL) (\(error)); run deploy/dev/run")
        }
        guard reply.status == 200 else { throw DemoError("the coaching service is not ready: \(reply.status) \(reply.text.prefix(300))") }
        let counter = try await EventCounter.start(
            topic: StrideTopic.coaching.rawValue, source: "/stride/coaching", since: Date(), kafka: context.kafka,
            logger: context.logger)
        let counting = Task { await counter.run() }
        defer { counting.cancel() }

        console.section("18. Coaching: at-risk goals arrive as nudges on the next 1:1's agenda")
        try await showNudges()

        var tally = Tally()
        console.section("19. Check-ins on cadence (\(context.concurrency) requests in flight)")
        try await checkIns(tally: &tally)

        console.section("20. Feedback, kudos and evidence")
        try await feedbackAndEvidence(tally: &tally)

        console.section("21. What a manager and HR look at")
        try await showBoards()

        console.section("22. Improvement plans: one drafted, approved, acknowledged, reviewed, extended once, succeeded; one failed")
        try await improvementPlan(tally: &tally)
        let failedPlan = try await failingPlan(tally: &tally)

        console.section("23. Appraisal results → feedback interviews (\(StrideTopic.appraisal.rawValue) → stride-coaching)")
        let (year, _) = try await goalsClient.closedGoalYear(of: context)
        let nextPeriod = try await nextOpenPeriod(after: year)
        let results = try interviewedAppraisals()
        let interviews = try await scheduledInterviews(for: results)
        let held = try await holdInterviews(interviews, for: results, tally: &tally)

        console.section("24. The goals suggested for next year become \(nextPeriod.name) drafts (\(StrideTopic.coaching.rawValue) → stride-goals)")
        try await showNextCycleDrafts(held, in: nextPeriod)

        console.section("25. Events on \(StrideTopic.coaching.rawValue) during this run (ce_source /stride/coaching)")
        try await showEvents(counter, tally: tally)
        counting.cancel()
        await counting.value
        await counter.close()
        return Coached(failedPlan: failedPlan)
    }
}
