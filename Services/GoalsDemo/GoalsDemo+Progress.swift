import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals
import StrideKafka
import StrideRuntime

extension GoalsDemo {
    /// Each owner records where their goals stand today: a KPI's value, each key result's value,
    /// a milestone done or not. KPIs bound to a metric are left to the metric's readings.
    func recordProgress(_ goals: [Goal], tally: inout Tally) async throws {
        let started = ContinuousClock.now
        let manual = goals.filter { $0.definition.measure?.metricID == nil }
        let updates = try await concurrently(manual, limit: concurrency) { [self] goal in
            let bodies = Self.progressUpdates(for: goal)
            for body in bodies {
                try await client.perform("POST", "/v1/goals/\(goal.goalID)/progress", as: goal.ownerID, expect: 201, body: body)
            }
            return bodies.count
        }.reduce(0, +)
        tally.progress += updates
        tally.activated += manual.count
        line("recorded", updates, "progress updates on \(DemoFormat.count(manual.count)) goals, each by its owner", since: started)
    }

    /// Another system (a CRM, a helpdesk) publishes readings of the metrics some KPI goals are
    /// bound to; the service moves every bound goal with each reading.
    func publishMetricReadings(_ goals: [Goal], tally: inout Tally) async throws {
        let bound = Dictionary(grouping: goals.filter { $0.definition.measure?.metricID != nil }) {
            "\($0.definition.measure?.metricSource ?? "")|\($0.definition.measure?.metricID ?? "")"
        }
        guard !bound.isEmpty else { return }
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        do {
            for key in bound.keys.sorted() {
                let goals = bound[key]!
                let measure = goals[0].definition.measure!
                let readings = DemoScenario.readings(source: measure.metricSource ?? "", metricID: measure.metricID!)
                guard !readings.isEmpty else { continue }
                tally.activated += goals.count  // the first reading activates them
                var steps: [String] = []
                for value in readings {
                    let reading = MetricReading(
                        source: measure.metricSource ?? "", metricID: measure.metricID!, value: value, unit: measure.unit,
                        observedAt: Date())
                    _ = try await producer.send(KafkaOutgoingMessage(try EventCodec.encode(reading, source: "/demo/\(reading.source)")))
                    let moved = try await waitForReading(value, on: goals[0].goalID)
                    tally.progress += goals.count
                    steps.append("\(DemoFormat.number(value)) \(measure.unit) → \(DemoFormat.percent(moved.progressPercent))\(moved.atRisk ? " at risk" : "")")
                }
                let departments = Set(goals.compactMap { org.byID[$0.ownerID]?.department }).sorted().joined(separator: ", ")
                console.say(
                    "   \(measure.metricSource ?? "") publishes \(measure.metricID!) on \(StrideTopic.metrics.rawValue): "
                        + "it moves \(goals.count) \(departments) goals",
                    "      " + steps.joined(separator: "  ·  "))
            }
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
    }

    /// Polls a bound goal until the reading has reached it through `stride.metrics.v1`.
    private func waitForReading(_ value: Decimal, on goalID: String) async throws -> Goal {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let goal: Goal = try await client.call("GET", "/v1/goals/\(goalID)", as: org.hr)
            if goal.currentValue == value { return goal }
            guard ContinuousClock.now < deadline else {
                throw DemoError("""
                    the metric reading \(value) did not reach goal \(goalID) within 60 s: stride-goals is not consuming \
                    \(StrideTopic.metrics.rawValue) (consumer group stride-goals.metrics; see its log). On the development \
                    broker a group can stay stuck after a member was stopped while joining it; restarting the broker \
                    (deploy/dev/infra down, then up) clears it.
                    """)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Where `goal` stands today, as its owner would report it, from ``DemoProfile``.
    static func progressUpdates(for goal: Goal) -> [ProgressBody] {
        let owner = goal.ownerID
        let title = goal.definition.title
        let achieved = DemoProfile.achievement(owner: owner, goal: title)
        let evidence = achieved > 1 ? "https://wiki.acme.example/goals/\(owner)" : nil
        switch goal.definition.kind {
        case .milestone:
            return [ProgressBody(done: achieved >= 0.7, comment: achieved >= 0.7 ? "Done" : "Still in progress", evidenceURL: evidence)]
        case .objective:
            return goal.definition.keyResults.map { keyResult in
                let share = DemoProfile.achievement(owner: owner, goal: title + "/" + keyResult.keyResultID)
                let value = keyResult.startValue + (keyResult.targetValue - keyResult.startValue) * Decimal(share)
                return ProgressBody(value: rounded(value, places: 0), keyResultID: keyResult.keyResultID, evidenceURL: evidence)
            }
        case .kpi:
            guard let measure = goal.definition.measure else { return [] }
            let value: Decimal
            switch measure.direction {
            case .stayWithinRange:
                value = achieved >= 0.7 ? (achieved > 1 ? -0.6 : 1.4) : 3.1
            case .increase, .decrease:
                var reached = measure.startValue + (measure.targetValue - measure.startValue) * Decimal(achieved)
                if measure.unit == "percent" { reached = min(reached, 100) }
                value = rounded(reached, places: measure.unit == "percent" || measure.unit == "hours" ? 1 : 0)
            }
            return [ProgressBody(value: value, comment: "Where it stands today", evidenceURL: evidence)]
        }
    }

    private static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }
}
