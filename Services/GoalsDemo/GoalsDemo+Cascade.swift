import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals
import StrideRuntime

/// The org-level goals of the cascade, by what they belong to.
struct OrgGoals: Sendable {
    var periodID: String
    var company: String
    /// Department → its goal.
    var departments: [String: String]
    /// Manager → their team's goal.
    var teams: [String: String]
}

extension GoalsDemo {
    /// HR opens the year.
    func openPeriod() async throws -> GoalPeriod {
        let period: GoalPeriod = try await client.call(
            "POST", "/v1/periods", as: org.hr, expect: 201,
            body: PeriodBody(
                name: "FY\(year)", kind: .year, startsOn: CalendarDate(year: year, month: 1, day: 1),
                endsOn: CalendarDate(year: year, month: 12, day: 31), orgUnitID: DemoScenario.company))
        console.say("   HR (\(org.label(org.hr))) opens \(period.name): \(period.startsOn) – \(period.endsOn)")
        return period
    }

    /// Company goal (HR) → a goal per department (its head) → a goal per team (its manager) →
    /// a personal goal per employee (drafted by themselves) and a department template assigned
    /// to everyone in bulk (HR), each aligned under the goal above it.
    func cascade(period: GoalPeriod, importedAt: ContinuousClock.Instant, tally: inout Tally) async throws -> OrgGoals {
        let periodID = period.periodID
        let company: Goal = try await client.call(
            "POST", "/v1/goals", as: org.hr, expect: 201,
            body: GoalBody(
                periodID: periodID, ownerID: DemoScenario.company, level: .company, title: DemoScenario.companyGoal,
                kind: .milestone, weight: 100))

        // Department heads may write their department's goal once the service knows them: the
        // first answers are 403 until its org projection has caught up with the import.
        let departments = try await concurrently(org.departments, limit: concurrency) { [self] department in
            let head = org.heads[department]!
            let goal: Goal = try await untilProjected(importedAt, lag: { $0.status == 403 }) {
                try await client.send(
                    "POST", "/v1/goals", as: head,
                    body: GoalBody(
                        periodID: periodID, ownerID: department, level: .department,
                        title: DemoScenario.departmentGoal(department), kind: .milestone, parentGoalID: company.goalID, weight: 100))
            }
            return (department, goal.goalID)
        }
        let departmentGoals = Dictionary(uniqueKeysWithValues: departments)

        let teams = try await concurrently(org.managers, limit: concurrency) { [self] manager in
            let person = org.byID[manager]!
            let goal: Goal = try await client.call(
                "POST", "/v1/goals", as: manager, expect: 201,
                body: GoalBody(
                    periodID: periodID, ownerID: manager, level: .team, title: "Team \(person.name): our part of the plan",
                    kind: .milestone, parentGoalID: departmentGoals[person.department] ?? company.goalID, weight: 100))
            return (manager, goal.goalID)
        }
        let teamGoals = Dictionary(uniqueKeysWithValues: teams)

        // Every employee drafts a personal goal under their manager's team goal; the service
        // accepts it once it has projected them (before, the owner is unknown: 400 on owner_id).
        let indexed = Array(org.employees.enumerated())
        let lastAccepted = try await concurrently(indexed, limit: concurrency) { [self] item in
            let (index, employee) = item
            let aim = DemoScenario.personalGoal(for: employee, index: index)
            let templated = departmentGoals[employee.department] != nil
            let _: Goal = try await untilProjected(importedAt, lag: { $0.status == 400 && $0.problemFields.contains("owner_id") }) {
                try await client.send(
                    "POST", "/v1/goals", as: employee.employeeID,
                    body: GoalBody(
                        periodID: periodID, level: .employee, title: aim.title, kind: aim.kind,
                        parentGoalID: employee.managerID.flatMap { teamGoals[$0] } ?? company.goalID,
                        weight: templated ? 100 - DemoScenario.templateWeight : 100, measure: aim.measure, keyResults: aim.keyResults))
            }
            return ContinuousClock.now
        }.max() ?? .now

        // One template per department (HR writes them), assigned to all its members in one call
        // each by the CEO: a manager's assignment reaches only their reporting line, so only this
        // org's people, whoever else the service's directory knows.
        let assigner = org.roots[0]
        let assigned = try await concurrently(org.departments, limit: concurrency) { [self] department in
            let template: GoalTemplate = try await client.call(
                "POST", "/v1/templates", as: org.hr, expect: 201, body: DemoScenario.template(for: department))
            let result: AssignmentResult = try await client.call(
                "POST", "/v1/templates/\(template.templateID)/assignments", as: assigner, expect: 201,
                body: AssignmentBody(periodID: periodID, parentGoalID: departmentGoals[department]!, department: department))
            guard result.created == org.headcount(of: department) else {
                throw DemoError("assigning \"\(template.title)\" to \(department) created \(result.created) goals for \(org.headcount(of: department)) people")
            }
            return result.created
        }.reduce(0, +)

        let roots = org.roots.count
        tally.created = 1 + departments.count + teams.count + org.employees.count + assigned
        let rows: [(String, Int, String, String)] = [
            ("company", 1, "HR", "—"),
            ("department", departments.count, "its head", "the company goal"),
            ("team", teams.count, "its manager", "the department goal"),
            ("personal", org.employees.count,
             "each employee · weight \(100 - DemoScenario.templateWeight)" + (roots > 0 ? " (CEO 100)" : ""),
             "their manager's team goal"),
            ("template", assigned, "the CEO: \(departments.count) templates, one bulk call each · weight \(DemoScenario.templateWeight)",
             "the department goal"),
        ]
        console.say("   " + DemoFormat.left("goal", 12) + DemoFormat.right("count", 6) + "  " + DemoFormat.left("written by", 56) + "aligned under")
        for (level, count, by, under) in rows {
            console.say("   " + DemoFormat.left(level, 12) + DemoFormat.right(DemoFormat.count(count), 6) + "  " + DemoFormat.left(by, 56) + under)
        }
        console.say(
            "   \"\(DemoScenario.companyGoal)\" · the org projection had every employee "
                + "\(DemoFormat.seconds(lastAccepted - importedAt)) after the import")
        return OrgGoals(periodID: periodID, company: company.goalID, departments: departmentGoals, teams: teamGoals)
    }

    /// Repeats a write the service refuses only because its org projection has not caught up
    /// yet (`lag` says which answers mean that), until it is accepted (201).
    func untilProjected<T: Decodable>(
        _ since: ContinuousClock.Instant, timeout: Duration = .seconds(120), lag: (ServiceClient.Reply) -> Bool,
        _ attempt: () async throws -> ServiceClient.Reply
    ) async throws -> T {
        while true {
            let reply = try await attempt()
            if reply.status == 201 { return try JSONBody.decoder.decode(T.self, from: reply.body) }
            guard lag(reply), ContinuousClock.now - since < timeout else {
                throw DemoError("a write was refused with \(reply.status): \(reply.text.prefix(400))")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
