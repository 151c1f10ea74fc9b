import Foundation
import Logging
import StrideContracts
import StrideDemoKit
import StrideGoals
import StrideKafka

/// One goal-setting year on the goals service, told as it happens: the org chart arrives from
/// the HRIS, goals cascade from the company to every employee, employees and managers agree
/// them, progress comes in (by hand and from other systems' metrics), at-risk goals surface,
/// the tree rolls progress up, HR closes the year and attainment is final. All of it through
/// the service's public interfaces only: its HTTP API and Kafka topics.
package struct GoalsDemo: DemoPart {
    let client: ServiceClient
    let org: DemoOrg
    let orgFile: String
    let kafka: KafkaConfiguration
    let console: DemoConsole
    let logger: Logger
    /// Requests in flight at once when many people act together.
    let concurrency: Int
    /// The goal year: the current calendar year, so pace is meaningful whenever the demo runs.
    let year: Int
    let startedAt: Date

    package var service: String { "goals" }

    /// The goals part of the demo, against the goals service at `baseURL`.
    package init(context: DemoContext, baseURL: String) {
        client = context.client(baseURL: baseURL)
        org = context.org
        orgFile = context.orgFile
        kafka = context.kafka
        console = context.console
        logger = context.logger
        concurrency = context.concurrency
        year = context.year
        startedAt = context.startedAt
    }

    /// What the demo did, to compare with the events the service emitted.
    struct Tally: Sendable {
        var created = 0
        var updated = 0
        var submitted = 0
        var approved = 0
        var returned = 0
        var activated = 0
        var progress = 0
    }

    package func run() async throws {
        let clock = ContinuousClock.now
        console.say(
            "Stride demo · goals service \(client.baseURL) · broker \(kafka.bootstrapServers)",
            "FY\(year) for \(org.employees.count) employees · \(DemoFormat.utc(startedAt))")
        try await checkService()

        console.section("1. Topics and the event stream")
        let watcher = try await startWatching()
        let watching = Task { await watcher.run() }
        do {
            try await play(watcher)
            watching.cancel()
            await watching.value
            await watcher.close()
        } catch {
            watching.cancel()
            await watching.value
            await watcher.close()
            console.clearFooter()
            throw error
        }
        console.say("", "Done in \(DemoFormat.seconds(ContinuousClock.now - clock)).")
    }

    private func play(_ watcher: EventWatcher) async throws {
        try await catchUp(watcher)

        console.section("2. The org chart → \(StrideTopic.employees.rawValue)")
        let imported = ContinuousClock.now
        try await publishOrg()
        await eventsSoFar(watcher)

        console.section("3. FY\(year): goals cascade from the company to every employee")
        var tally = Tally()
        let period = try await openPeriod()
        watcher.watch(period: period.periodID)
        let cascade = try await cascade(period: period, importedAt: imported, tally: &tally)
        await eventsSoFar(watcher)

        console.section("4. Agreement: employees submit, managers approve or return (\(concurrency) requests in flight)")
        let goals = try await agree(cascade, tally: &tally)
        await eventsSoFar(watcher)

        console.section("5. Progress (\(elapsedShare(of: period)) of FY\(year) has passed; at risk = more than 20 points behind pace)")
        try await recordProgress(goals, tally: &tally)
        try await publishMetricReadings(goals, tally: &tally)
        await eventsSoFar(watcher)

        console.section("6. At risk")
        try await showAtRisk(period: period, goals: goals, watcher: watcher)

        console.section("7. The goal tree, company → departments → teams, progress rolled up by weight")
        try await showTree(cascade)

        console.section("8. HR closes FY\(year): goals freeze, attainment is final")
        let closed = try await closePeriod(period)
        try await showAttainments(period: period)
        await eventsSoFar(watcher)

        console.section("9. Events on \(StrideTopic.goals.rawValue) about FY\(year) during this run (ce_source \(EventWatcher.source))")
        try await showEventTotals(watcher, tally: tally, employees: closed.ownerCount)
    }

    /// Fails early, and clearly, when the service is not there.
    private func checkService() async throws {
        let reply: ServiceClient.Reply
        do {
            reply = try await client.send("GET", "/health/ready", as: nil)
        } catch {
            throw DemoError("the goals service does not answer at \(client.baseURL) (\(error)); start it as README's goals section shows, or run deploy/dev/run")
        }
        guard reply.status == 200 else {
            throw DemoError("the goals service at \(client.baseURL) is not ready: \(reply.status) \(reply.text.prefix(300))")
        }
    }
}
