import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals

extension GoalsDemo {
    /// The goals behind pace, as HR lists them (`GET /v1/goals?at_risk=true`), with the expected
    /// and actual progress their `GoalAtRisk` events carried to coaching.
    func showAtRisk(period: GoalPeriod, goals: [Goal], watcher: EventWatcher) async throws {
        let atRisk: [Goal] = try await client.all("/v1/goals?period_id=\(period.periodID)&at_risk=true&level=employee", as: org.hr)
        let raised = watcher.snapshot.count(GoalAtRisk.eventType)
        console.say(
            "   \(DemoFormat.count(atRisk.count)) of \(DemoFormat.count(goals.count)) employee goals are at risk now; "
                + "\(DemoFormat.count(raised)) GoalAtRisk events so far (metric readings cleared some since)")
        let byDepartment = Dictionary(grouping: atRisk) { org.byID[$0.ownerID]?.department ?? "?" }
        console.say(
            "   by department: "
                + byDepartment.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
                .map { "\($0.key) \($0.value.count)" }.joined(separator: " · "))

        // The furthest behind, each from another department and goal, with what the service assessed.
        var examples: [Goal] = []
        for goal in atRisk.sorted(by: { ($0.progressPercent, $0.goalID) < ($1.progressPercent, $1.goalID) }) where examples.count < 5 {
            let department = org.byID[goal.ownerID]?.department
            if !examples.contains(where: { org.byID[$0.ownerID]?.department == department || $0.definition.title == goal.definition.title }) {
                examples.append(goal)
            }
        }
        guard !examples.isEmpty else { return }
        _ = await watcher.wait(timeout: .seconds(10)) { seen in examples.allSatisfy { seen.atRisk[$0.goalID] != nil } }
        let assessed = watcher.snapshot.atRisk
        let columns = [26, 30, 40]
        console.say(
            "   " + zip(["owner", "manager", "goal"], columns).map { DemoFormat.left($0, $1 - 1) + " " }.joined()
                + DemoFormat.right("expected", 9) + DemoFormat.right("actual", 9))
        for goal in examples {
            let expected = assessed[goal.goalID].map { DemoFormat.percent($0.expectedProgressPercent) } ?? "?"
            let cells = [org.label(goal.ownerID), org.label(org.approver(of: goal.ownerID)), goal.definition.title]
            console.say(
                "   " + zip(cells, columns).map { DemoFormat.left($0, $1 - 1) + " " }.joined()
                    + DemoFormat.right(expected, 9) + DemoFormat.right(DemoFormat.percent(goal.progressPercent), 9))
        }
    }
}
