import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals

extension GoalsDemo {
    /// Every employee submits their goals (weights must sum to 100); each goal's approver (the
    /// owner's manager, HR for the CEO) approves it, or returns some personal goals with a
    /// reason; the owner fixes those, resubmits, and they are approved.
    /// - Returns: every employee goal of the period, as agreed.
    func agree(_ cascade: OrgGoals, tally: inout Tally) async throws -> [Goal] {
        let period = cascade.periodID
        let drafts: [Goal] = try await client.all("/v1/goals?period_id=\(period)&level=employee", as: org.hr)

        var started = ContinuousClock.now
        let submitted = try await concurrently(org.employees.map(\.employeeID), limit: concurrency) { [self] employee in
            try await submit(employee, period: period, comment: "Ready for review")
        }.reduce(0, +)
        tally.submitted += submitted
        line("submitted", submitted, "goals by \(DemoFormat.count(org.employees.count)) employees, weights summing to 100", since: started)

        started = .now
        let toReturn = Set(drafts.filter { $0.templateID == nil && DemoProfile.isReturned($0.ownerID) }.map(\.goalID))
        let decisions = try await concurrently(drafts, limit: concurrency) { [self] goal in
            let approver = org.approver(of: goal.ownerID)
            if toReturn.contains(goal.goalID) {
                try await client.perform(
                    "POST", "/v1/goals/\(goal.goalID)/return", as: approver, body: NoteBody(reason: DemoScenario.returnReason))
                return (approver, false)
            }
            try await client.perform("POST", "/v1/goals/\(goal.goalID)/approve", as: approver, body: NoteBody(comment: "Agreed"))
            return (approver, true)
        }
        let approvers = Set(decisions.map(\.0)).count
        let approved = decisions.count { $0.1 }
        tally.approved += approved
        tally.returned += decisions.count - approved
        line("approved", approved, "by \(approvers) approvers: each owner's manager, HR for the CEO", since: started)

        started = .now
        let returned = drafts.filter { toReturn.contains($0.goalID) }
        let fixed = try await concurrently(returned, limit: concurrency) { [self] goal in
            try await client.perform(
                "PATCH", "/v1/goals/\(goal.goalID)", as: goal.ownerID, body: DueDatePatch(dueDate: DemoScenario.fixedDueDate(year: year)))
            let resubmitted = try await submit(goal.ownerID, period: period, comment: "Due date added")
            try await client.perform(
                "POST", "/v1/goals/\(goal.goalID)/approve", as: org.approver(of: goal.ownerID), body: NoteBody(comment: "Agreed, thanks"))
            return resubmitted
        }
        tally.updated += returned.count
        tally.submitted += fixed.reduce(0, +)
        tally.approved += returned.count
        line(
            "returned", returned.count, "\"\(DemoScenario.returnReason)\" → added, resubmitted, approved",
            since: started)

        let agreed: [Goal] = try await client.all("/v1/goals?period_id=\(period)&level=employee", as: org.hr)
        let pending = agreed.filter { $0.status != .approved }
        guard pending.isEmpty else {
            throw DemoError("\(pending.count) goals are not approved, e.g. \(pending[0].goalID) is \(pending[0].status.rawValue)")
        }
        return agreed
    }

    /// `employee` submits their draft and returned goals; returns how many.
    private func submit(_ employee: String, period: String, comment: String) async throws -> Int {
        let page: ListPage<Goal> = try await client.call(
            "POST", "/v1/periods/\(period)/employees/\(employee)/submit", as: employee, body: NoteBody(comment: comment))
        return page.items.count
    }

    func line(_ what: String, _ count: Int, _ detail: String, since started: ContinuousClock.Instant) {
        console.say(
            "   " + DemoFormat.left(what, 10) + DemoFormat.right(DemoFormat.count(count), 6) + "  " + DemoFormat.left(detail, 78)
                + DemoFormat.right(DemoFormat.seconds(ContinuousClock.now - started), 7))
    }
}
