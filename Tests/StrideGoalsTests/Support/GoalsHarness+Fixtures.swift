import Foundation
import HTTPTypes
import StrideContracts

extension GoalsHarness {
    /// Opens FY2026 as HR and returns its id.
    func openYear(name: String = "FY2026") async throws -> String {
        let reply = try await call(.post, "/v1/periods", as: "hr", json: """
            {"name": "\(name)", "kind": "year", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "org_unit_id": "acme"}
            """)
        guard reply.status == 201 else { throw HarnessError("open period: \(reply.status) \(reply.text)") }
        return try reply.string("period_id")
    }

    /// Creates a goal as `subject` from a JSON object's fields (without the braces' period) and returns its id.
    func createGoal(as subject: String, period: String, _ fields: String) async throws -> String {
        let reply = try await call(.post, "/v1/goals", as: subject, json: "{\"period_id\": \"\(period)\", \(fields)}")
        guard reply.status == 201 else { throw HarnessError("create goal: \(reply.status) \(reply.text)") }
        return try reply.string("goal_id")
    }

    /// A KPI goal of `owner` with `weight`, aligned under `parent`.
    func kpiGoal(for owner: String, as subject: String? = nil, period: String, weight: Int, parent: String? = nil, title: String = "Grow ARR") async throws -> String {
        try await createGoal(as: subject ?? owner, period: period, """
            "owner_id": "\(owner)", "title": "\(title)", "kind": "kpi", "weight": "\(weight)",
            \(parent.map { "\"parent_goal_id\": \"\($0)\"," } ?? "")
            "measure": {"unit": "EUR", "direction": "increase", "start_value": "0", "target_value": "1000"}
            """)
    }

    /// The company → department → team chain used by most tests: returns the team goal.
    func cascade(period: String) async throws -> (company: String, department: String, team: String) {
        let company = try await createGoal(as: "hr", period: period, """
            "owner_id": "acme", "level": "company", "title": "Win EMEA", "kind": "milestone"
            """)
        let department = try await createGoal(as: "vp1", period: period, """
            "owner_id": "Sales", "level": "department", "title": "Sales: double pipeline", "kind": "milestone",
            "parent_goal_id": "\(company)"
            """)
        let team = try await createGoal(as: "m1", period: period, """
            "owner_id": "m1", "level": "team", "title": "Team m1: close 20 deals", "kind": "milestone",
            "parent_goal_id": "\(department)"
            """)
        return (company, department, team)
    }
}
