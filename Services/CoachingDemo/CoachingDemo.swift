import Foundation
import Logging
import StrideContracts
import StrideDemoKit
import StrideKafka

/// The goal year continued through the coaching service's public interfaces: the at-risk goals
/// the goals part produced arrive as nudges on managers' 1:1 agendas; employees check in (some
/// late), people give feedback and kudos, evidence is logged against goals; then what a manager
/// and HR look at (a team board, completion rates), and the events on `stride.coaching.v1`
/// checked against what the actions should have caused.
package struct CoachingDemo: DemoPart {
    let client: ServiceClient
    let context: DemoContext

    package var service: String { "coaching" }

    /// The coaching part of the demo, against the coaching service at `baseURL`.
    package init(context: DemoContext, baseURL: String) {
        client = context.client(baseURL: baseURL)
        self.context = context
    }

    /// What the part did, to compare with the events the service emitted.
    struct Tally: Sendable {
        var checkIns = 0
        var feedback = 0
        var evidence = 0
    }

    package func run() async throws {
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

        console.section("10. Coaching: at-risk goals arrive as nudges on the next 1:1's agenda")
        try await showNudges()

        var tally = Tally()
        console.section("11. Check-ins on cadence (\(context.concurrency) requests in flight)")
        try await checkIns(tally: &tally)

        console.section("12. Feedback, kudos and evidence")
        try await feedbackAndEvidence(tally: &tally)

        console.section("13. What a manager and HR look at")
        try await showBoards()

        console.section("14. Events on \(StrideTopic.coaching.rawValue) during this run (ce_source /stride/coaching)")
        try await showEvents(counter, tally: tally)
        counting.cancel()
        await counting.value
        await counter.close()
    }
}
