import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals

extension GoalsDemo {
    /// The company goal's subtree down to the teams (`GET /v1/goals/{id}/tree?max_depth=2`, page
    /// by page): every node's progress rolled up by weight from everything aligned below it,
    /// individual goals included. Each department shows its weakest teams and a summary of the rest.
    func showTree(_ cascade: OrgGoals) async throws {
        var items: [GoalTreeNode] = []
        var cursor: String?
        repeat {
            let query = "max_depth=2&limit=1000" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page: ListPage<GoalTreeNode> = try await client.call("GET", "/v1/goals/\(cascade.company)/tree?\(query)", as: org.hr)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        let nodes = items.filter { $0.level != .employee }
        guard let root = nodes.first(where: { $0.goalID == cascade.company }) else {
            throw DemoError("the tree of \(cascade.company) does not contain its root")
        }
        let children = Dictionary(grouping: nodes.filter { $0.goalID != root.goalID }) { $0.parentGoalID ?? "" }
        console.say("   " + DemoFormat.left("goal", 58) + "rolled-up progress")
        treeLine(root, indent: 0)
        let departments = (children[root.goalID] ?? []).sorted { order($0) < order($1) }
        for department in departments {
            treeLine(department, indent: 1)
            let teams = (children[department.goalID] ?? []).sorted {
                ($0.rolledUpProgressPercent, $0.title) < ($1.rolledUpProgressPercent, $1.title)
            }
            let shown = teams.prefix(2)
            for team in shown { treeLine(team, indent: 2) }
            let rest = teams.dropFirst(shown.count)
            if let low = rest.first, let high = rest.last {
                console.say(
                    "       … \(rest.count) more team\(rest.count == 1 ? "" : "s"), "
                        + "\(DemoFormat.percent(low.rolledUpProgressPercent)) to \(DemoFormat.percent(high.rolledUpProgressPercent))")
            }
        }
        console.say("   individual goals are left out here; each rolls up into the team or department goal it is aligned under")
    }

    private func treeLine(_ node: GoalTreeNode, indent: Int) {
        let title = String(repeating: "  ", count: indent) + node.title
        let rolled = NSDecimalNumber(decimal: node.rolledUpProgressPercent).doubleValue
        console.say(
            "   " + DemoFormat.left(title, 58) + DemoFormat.bar(rolled) + DemoFormat.right(DemoFormat.percent(rolled), 8)
                + (node.atRisk ? "  at risk" : ""))
    }

    /// Departments in org order (largest first), then anything else (the CEO's team, their own goals).
    private func order(_ node: GoalTreeNode) -> (Int, String) {
        (org.departments.firstIndex(of: node.ownerID) ?? org.departments.count, node.title)
    }
}
