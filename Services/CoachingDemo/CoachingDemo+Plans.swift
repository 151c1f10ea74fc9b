import Foundation
import StrideContracts
import StrideDemoKit

extension CoachingDemo {
    /// The employee an improvement plan is for and their manager: the person in the weakest form
    /// (``DemoProfile``) who has a manager, neither of them HR, since HR approves the plan and
    /// separation of duties keeps HR from approving a plan in their own reporting line. The people
    /// in `excluded` are passed over (the second plan is for someone else).
    func planCandidate(excluding excluded: Set<String> = []) throws -> (employee: String, manager: String) {
        let candidates = org.employees.filter { person in
            guard let manager = person.managerID, org.byID[manager] != nil else { return false }
            return person.employeeID != org.hr && manager != org.hr && !excluded.contains(person.employeeID)
        }
        guard let weakest = candidates.min(by: { DemoProfile.form(of: $0.employeeID) < DemoProfile.form(of: $1.employeeID) }),
            let manager = weakest.managerID
        else { throw DemoError("nobody in the org chart can be put on an improvement plan: everyone reports to HR or to no one") }
        return (weakest.employeeID, manager)
    }

    /// One improvement plan through its whole life, through the coaching API only: the manager
    /// drafts it (objectives, support, checkpoints, end date), HR approves it, the employee
    /// acknowledges it (which starts it), the manager reviews its checkpoints, extends it once
    /// with a new end date and two more checkpoints, reviews those, and closes it as succeeded.
    /// The plan's life lies in the past (see ``PlanScenario``), so each review and decision is
    /// dated on its own day; the approval and the acknowledgement are stamped by the service today.
    /// Prints each transition with the state the service answered, then the plan as read back.
    func improvementPlan(tally: inout Tally) async throws {
        let (employee, manager) = try planCandidate()
        let hr = org.hr
        let startsOn = today.adding(days: -PlanScenario.startedDaysAgo)
        let firstCheckpoints = PlanScenario.checkpointDays.map { startsOn.adding(days: $0) }
        let endsOn = firstCheckpoints.last!
        let person = org.byID[employee]!
        console.say(
            "   for \(org.label(employee)) (\(person.department), \(person.jobTitle)), who struggles most this year;"
                + " manager \(org.label(manager)), HR \(org.label(hr))",
            "   planned for \(startsOn) – \(endsOn), so it has run its course by today: each review and decision carries its own"
                + " day, the service stamps the approval and the acknowledgement with today's")

        var plan: PlanView = try await client.call(
            "POST", "/v1/improvement-plans", as: manager, expect: 201,
            body: PlanDraftBody(
                employeeID: employee, reason: PlanScenario.reason, startsOn: startsOn, endsOn: endsOn,
                objectives: PlanScenario.objectives, support: PlanScenario.support,
                checkpoints: firstCheckpoints.map(PlanCheckpointBody.init)))
        var states = [plan.status]
        transition(
            "the manager drafts it: \(plan.objectives.count) objectives, support (\(plan.support.map(\.kind).joined(separator: ", "))),"
                + " checkpoints " + plan.checkpoints.map { "\($0.checkpointID) \($0.dueOn)" }.joined(separator: ", "), plan)

        let path = "/v1/improvement-plans/\(plan.planID)"
        plan = try await client.call("POST", "\(path)/approve", as: hr)
        states.append(plan.status)
        transition("HR approves it (never its author, the employee or their manager)", plan)

        plan = try await client.call("POST", "\(path)/acknowledge", as: employee)
        states.append(plan.status)
        tally.plansStarted += 1
        transition("the employee acknowledges it, which starts it (ImprovementPlanStarted)", plan)

        plan = try await reviewCheckpoints(of: plan, PlanScenario.firstReviews, as: manager, tally: &tally)

        let extensionCheckpoints = PlanScenario.extensionCheckpointDays.map { endsOn.adding(days: $0) }
        let extendedUntil = extensionCheckpoints.last!
        plan = try await client.call(
            "POST", "\(path)/close", as: manager,
            body: PlanClosingBody(
                outcome: .extended, reason: PlanScenario.extensionReason, extendedUntil: extendedUntil,
                checkpoints: extensionCheckpoints.map(PlanCheckpointBody.init),
                objectivesMet: PlanScenario.firstReviews.last!.objectivesMet, closedOn: endsOn))
        states.append("\(plan.status) (extended)")
        tally.planClosings += 1
        transition(
            "\(endsOn): the manager extends it once, until \(extendedUntil), with checkpoints "
                + plan.checkpoints.suffix(extensionCheckpoints.count).map { "\($0.checkpointID) \($0.dueOn)" }.joined(separator: ", ")
                + " (ImprovementPlanClosed, extended)", plan)

        plan = try await reviewCheckpoints(of: plan, PlanScenario.extensionReviews, as: manager, tally: &tally)

        plan = try await client.call(
            "POST", "\(path)/close", as: manager,
            body: PlanClosingBody(
                outcome: .succeeded, reason: PlanScenario.successReason, extendedUntil: nil, checkpoints: nil,
                objectivesMet: PlanScenario.extensionReviews.last!.objectivesMet, closedOn: extendedUntil))
        states.append(plan.status)
        tally.planClosings += 1
        transition("\(extendedUntil): the manager closes it as succeeded (ImprovementPlanClosed, succeeded)", plan)

        let stored: PlanView = try await client.call("GET", path, as: hr)
        guard stored.status == "succeeded", stored.extensionCount == 1, stored.checkpoints.allSatisfy({ $0.review != nil }) else {
            throw DemoError("the plan read back as HR is \(stored.status), extended \(stored.extensionCount)×, not succeeded after one extension with every checkpoint reviewed")
        }
        showLife(of: stored, states: states, extendedOn: endsOn)
    }

    /// A second plan, for the person in the next weakest form, that fails: drafted, approved and
    /// acknowledged like the first, its three checkpoints reviewed off track on their days, and
    /// closed as failed on its end date (`ImprovementPlanClosed`, failed), which the incentives
    /// service turns into a consequence review for HR.
    /// - Returns: the failed plan, for the incentives part.
    func failingPlan(tally: inout Tally) async throws -> FailedImprovementPlan {
        let (employee, manager) = try planCandidate(excluding: [try planCandidate().employee])
        let startsOn = today.adding(days: -PlanScenario.startedDaysAgo)
        let checkpoints = PlanScenario.checkpointDays.map { startsOn.adding(days: $0) }
        let endsOn = checkpoints.last!
        console.say("   a second plan, for \(org.label(employee)) (manager \(org.label(manager))), \(startsOn) – \(endsOn):")
        var plan: PlanView = try await client.call(
            "POST", "/v1/improvement-plans", as: manager, expect: 201,
            body: PlanDraftBody(
                employeeID: employee, reason: PlanScenario.reason, startsOn: startsOn, endsOn: endsOn,
                objectives: PlanScenario.objectives, support: PlanScenario.support, checkpoints: checkpoints.map(PlanCheckpointBody.init)))
        var states = [plan.status]
        let path = "/v1/improvement-plans/\(plan.planID)"
        plan = try await client.call("POST", "\(path)/approve", as: org.hr)
        states.append(plan.status)
        plan = try await client.call("POST", "\(path)/acknowledge", as: employee)
        states.append(plan.status)
        tally.plansStarted += 1
        plan = try await reviewCheckpoints(of: plan, PlanScenario.failingReviews, as: manager, tally: &tally)
        let objectivesMet = PlanScenario.failingReviews.last!.objectivesMet
        plan = try await client.call(
            "POST", "\(path)/close", as: manager,
            body: PlanClosingBody(
                outcome: .failed, reason: PlanScenario.failureReason, extendedUntil: nil, checkpoints: nil, objectivesMet: objectivesMet,
                closedOn: endsOn))
        states.append(plan.status)
        tally.planClosings += 1
        guard plan.status == "failed" else { throw DemoError("the second plan is \(plan.status) after closing it as failed") }
        console.say(
            "   \(endsOn): the manager closes it as failed, \(objectivesMet) of \(plan.objectives.count) objectives met"
                + " (ImprovementPlanClosed, failed: stride-incentives asks HR for a consequence review)",
            "   states: " + states.joined(separator: " → "))
        return FailedImprovementPlan(
            planID: plan.planID, employeeID: employee, managerID: manager, closedOn: endsOn, objectivesMet: objectivesMet,
            objectivesTotal: plan.objectives.count)
    }

    /// Reviews the plan's next unreviewed checkpoints, one per review, each on its due day, as the manager.
    private func reviewCheckpoints(
        of plan: PlanView, _ reviews: [PlanScenario.Review], as manager: String, tally: inout Tally
    ) async throws -> PlanView {
        var plan = plan
        let due = plan.checkpoints.filter { $0.review == nil }
        guard due.count >= reviews.count else { throw DemoError("the plan has \(due.count) checkpoints left to review, not \(reviews.count)") }
        for (checkpoint, review) in zip(due, reviews) {
            plan = try await client.call(
                "POST", "/v1/improvement-plans/\(plan.planID)/checkpoints/\(checkpoint.checkpointID)/review", as: manager,
                body: CheckpointReviewBody(
                    assessment: review.assessment, objectivesMet: review.objectivesMet, notes: review.notes,
                    reviewedOn: checkpoint.dueOn))
            tally.checkpointReviews += 1
        }
        console.say(
            "   the manager reviews " + zip(due, reviews).map { "\($0.checkpointID) (\(Self.label($1.assessment)))" }.joined(separator: ", ")
                + " on their days (ImprovementPlanCheckpointReviewed each)" + Self.stateSuffix(plan))
        return plan
    }

    /// One step of the plan and the state the service answered.
    private func transition(_ step: String, _ plan: PlanView) {
        console.say("   " + step + Self.stateSuffix(plan))
    }

    private static func stateSuffix(_ plan: PlanView) -> String { " → \(plan.status)" }

    /// The plan's life, as read back from the service, in the order of its days.
    private func showLife(of plan: PlanView, states: [String], extendedOn: CalendarDate) {
        console.say("   the plan's life, as HR reads it back:")
        var rows: [(day: CalendarDate, order: Int, text: String)] = [
            (plan.startsOn, 0, "starts: " + plan.objectives.map(\.description).joined(separator: "; ")),
            (extendedOn, 2, "extended (\(plan.extensionCount)×) until \(plan.endsOn)"),
        ]
        for checkpoint in plan.checkpoints {
            guard let review = checkpoint.review else { continue }
            rows.append((
                review.reviewedOn, 1,
                DemoFormat.left("\(checkpoint.checkpointID) \(Self.label(review.assessment))", 22)
                    + "\(review.objectivesMet)/\(plan.objectives.count) objectives met · \(review.notes ?? "")"))
        }
        if let closedOn = plan.closedOn {
            rows.append((closedOn, 3, "\(plan.status): \(plan.closingReason ?? "")"))
        }
        for row in rows.sorted(by: { ($0.day, $0.order) < ($1.day, $1.order) }) {
            console.say("     \(row.day)  \(row.text)")
        }
        console.say("   states: " + states.joined(separator: " → "))
    }

    /// "on track", "needs attention", "off track".
    static func label(_ assessment: CheckpointAssessment) -> String {
        assessment.rawValue.split(separator: "_").joined(separator: " ")
    }
}
