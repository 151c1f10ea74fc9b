import Foundation
import StrideContracts
import StrideDemoKit

/// A team board row, as the demo reads it.
struct BoardRow: Decodable, Sendable {
    var employeeID: String
    var checkIn: String
    var openActionItems: Int
    var atRiskGoalsWithoutOneOnOne: [String]

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case checkIn = "check_in"
        case openActionItems = "open_action_items"
        case atRiskGoalsWithoutOneOnOne = "at_risk_goals_without_one_on_one"
    }
}

/// A timeline entry, as the demo reads it.
struct TimelineItem: Decodable, Sendable {
    var kind: String
    var createdAt: Date
    var detail: [String: String]

    enum CodingKeys: String, CodingKey {
        case kind
        case createdAt = "created_at"
        case detail
    }
}

/// A goal as the coaching service knows it.
struct KnownGoal: Decodable, Sendable {
    var goalID: String
    var title: String?
    var atRisk: Bool

    enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case title
        case atRisk = "at_risk"
    }
}

/// One department's completion rates.
struct CompletionRow: Decodable, Sendable {
    struct Rate: Decodable, Sendable {
        var done: Int
        var due: Int
        var percent: String?
    }

    var department: String
    var checkInsOnCadence: Rate
    var pairsCurrent: Rate

    enum CodingKeys: String, CodingKey {
        case department
        case checkInsOnCadence = "check_ins_on_cadence"
        case pairsCurrent = "pairs_current"
    }
}

extension CoachingDemo {
    var org: DemoOrg { context.org }
    var console: DemoConsole { context.console }
    var today: CalendarDate { CalendarDate(utc: context.startedAt) }

    /// Waits until the nudges this run's at-risk goals raised have all arrived (their count, read
    /// off every employee's timeline, stops growing), then shows how many, for whom, and how long
    /// each took from its `GoalAtRisk` (the event's time) to the agenda item (`latency_ms`). The
    /// goals part has closed the year by now, which ends the episodes; the nudges stay on record.
    func showNudges() async throws {
        let started = ContinuousClock.now
        var nudges: [RunNudge] = []
        var stableSince = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(120) {
            let seen = try await runNudges()
            if seen.count != nudges.count {
                nudges = seen
                stableSince = .now
            } else if !seen.isEmpty, ContinuousClock.now - stableSince > .seconds(3) {
                break
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        guard !nudges.isEmpty else { throw DemoError("no nudge from this run's at-risk goals reached the coaching service within 120 s") }
        console.say(
            "   \(DemoFormat.count(nudges.count)) at-risk goals of \(Set(nudges.map(\.employee)).count) people went onto the agenda of"
                + " their next 1:1 with \(Set(nudges.map(\.manager)).count) managers (one nudge per at-risk episode)")
        let latencies = nudges.map(\.latency).sorted()
        func at(_ q: Double) -> String { "\(Int((latencies[min(latencies.count - 1, Int(Double(latencies.count) * q))] * 1000).rounded())) ms" }
        console.say("   GoalAtRisk → agenda item: p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1))")
    }

    /// One nudge of this run: whose goal, which manager's 1:1, how long it took.
    struct RunNudge: Sendable {
        var employee: String
        var manager: String
        var latency: Double
    }

    /// This run's nudges (of at-risk events raised during this run), from every employee's timeline.
    func runNudges() async throws -> [RunNudge] {
        let since = context.startedAt.addingTimeInterval(-1)
        return try await concurrently(org.employees.map(\.employeeID), limit: context.concurrency) { [client, org] employee in
            let entries = try await client.all("/v1/employees/\(employee)/timeline", as: org.hr, decoding: TimelineItem.self)
            return entries.compactMap { entry -> RunNudge? in
                // This run's GoalAtRisk events only: a coaching service that starts behind (a new
                // consumer group reading the topic from its start) also nudges earlier runs' events.
                guard entry.kind == "nudge", let manager = entry.detail["manager_id"],
                    let milliseconds = entry.detail["latency_ms"].flatMap(Double.init),
                    entry.createdAt.addingTimeInterval(-milliseconds / 1000) >= since
                else { return nil }
                return RunNudge(employee: employee, manager: manager, latency: max(0, milliseconds / 1000))
            }
        }.flatMap { $0 }
    }

    /// Team boards of every manager, by manager id.
    func teamBoards() async throws -> [String: [BoardRow]] {
        let pairs = try await concurrently(org.managers, limit: context.concurrency) { [client] manager in
            (manager, try await client.all("/v1/managers/\(manager)/team-board", as: manager, decoding: BoardRow.self))
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// Every employee checks in about the week; about one in six logs it late (three weeks ago),
    /// so their next check-in is already overdue.
    func checkIns(tally: inout Tally) async throws {
        let started = ContinuousClock.now
        let late = Set(org.employees.map(\.employeeID).filter { DemoProfile.unit("\($0)/late-check-in") < 0.17 })
        let employees = org.employees.filter { $0.managerID != nil }.map(\.employeeID)
        let done = try await concurrently(employees, limit: context.concurrency) { [client, today] employee in
            let goals = try await client.call(
                "GET", "/v1/employees/\(employee)/goals", as: employee, decoding: ListPage<KnownGoal>.self
            ).items
            let form = DemoProfile.form(of: employee)
            let body = CheckInBody(
                heldOn: late.contains(employee) ? today.adding(days: -21) : today,
                whatMoved: form >= 0.85 ? "Moved my goals forward as planned." : "Less progress than planned this week.",
                blockers: form < 0.6 ? ["Waiting on another team"] : [],
                confidence: max(1, min(5, Int((form * 4).rounded()))),
                goalIDs: Array(goals.prefix(2).map(\.goalID)))
            try await client.perform("POST", "/v1/employees/\(employee)/check-ins", as: employee, expect: 201, body: body)
            return 1
        }.reduce(0, +)
        tally.checkIns += done
        console.say(
            "   \(DemoFormat.count(done)) check-ins in \(DemoFormat.seconds(ContinuousClock.now - started)), \(late.intersection(employees).count) of them logged three weeks late (now overdue)")
    }

    /// Each manager praises a report (for the report and the manager's eyes), peers give public
    /// kudos, and the Sales team logs evidence against their goals.
    func feedbackAndEvidence(tally: inout Tally) async throws {
        var started = ContinuousClock.now
        var notes: [(giver: String, body: FeedbackBody)] = []
        for manager in org.managers {
            guard let report = org.employees.first(where: { $0.managerID == manager }) else { continue }
            notes.append((manager, FeedbackBody(
                recipientID: report.employeeID, kind: "praise", audience: "recipient_and_manager",
                message: "Thank you for the way you handled the quarter's hardest customer.")))
        }
        let people = org.employees.map(\.employeeID)
        for (index, giver) in people.enumerated() where index % 10 == 0 {
            let recipient = people[(index + 7) % people.count]
            guard recipient != giver else { continue }
            notes.append((giver, FeedbackBody(recipientID: recipient, kind: "praise", audience: "public", message: "Kudos for the launch!")))
        }
        let given = try await concurrently(notes, limit: context.concurrency) { [client] note in
            try await client.perform("POST", "/v1/feedback", as: note.giver, expect: 201, body: note.body)
            return 1
        }.reduce(0, +)
        tally.feedback += given
        console.say("   \(DemoFormat.count(given)) pieces of feedback in \(DemoFormat.seconds(ContinuousClock.now - started)): praise from each manager, public kudos among peers")

        started = .now
        let sales = org.employees.filter { $0.department == "Sales" && $0.managerID != nil }.map(\.employeeID)
        let logged = try await concurrently(sales, limit: context.concurrency) { [client, today] employee in
            let goals = try await client.call(
                "GET", "/v1/employees/\(employee)/goals", as: employee, decoding: ListPage<KnownGoal>.self
            ).items
            guard let goal = goals.first else { return 0 }
            try await client.perform(
                "POST", "/v1/employees/\(employee)/evidence", as: employee, expect: 201,
                body: EvidenceBody(
                    kind: "achievement", occurredOn: today, whatHappened: "Closed a renewal with an upsell",
                    impact: "Adds to the team's new ARR", goalIDs: [goal.goalID]))
            return 1
        }.reduce(0, +)
        tally.evidence += logged
        console.say("   \(DemoFormat.count(logged)) evidence entries by the Sales team, each tied to one of their goals, in \(DemoFormat.seconds(ContinuousClock.now - started))")
    }

    /// The team board of the manager with the most at-risk goals, and HR's completion rates.
    func showBoards() async throws {
        let boards = try await teamBoards()
        guard let (manager, rows) = boards.max(by: {
            $0.value.reduce(0) { $0 + $1.atRiskGoalsWithoutOneOnOne.count } < $1.value.reduce(0) { $0 + $1.atRiskGoalsWithoutOneOnOne.count }
        }) else { return }
        console.say("   team board of \(org.label(manager)) (\(rows.count) reports):")
        for row in rows.prefix(8) {
            console.say(
                "     " + DemoFormat.left(org.label(row.employeeID), 28) + DemoFormat.left("check-in \(row.checkIn)", 22)
                    + "\(row.atRiskGoalsWithoutOneOnOne.count) at-risk goals to discuss")
        }
        let overdue = boards.values.joined().filter { $0.checkIn == "overdue" }.count
        console.say("   across all boards: \(overdue) people with an overdue check-in")
        let rates = try await client.all("/v1/reports/completion", as: org.hr, decoding: CompletionRow.self)
        console.say("   completion (HR): department · check-ins on cadence · pairs not overdue")
        let departments = Set(org.employees.map(\.department))
        for row in rates where departments.contains(row.department) {
            console.say(
                "     " + DemoFormat.left(row.department, 18) + DemoFormat.right(row.checkInsOnCadence.percent.map { "\($0) %" } ?? "–", 9)
                    + DemoFormat.right(row.pairsCurrent.percent.map { "\($0) %" } ?? "–", 12))
        }
    }

    /// The events the coaching service emitted during the run, next to what the demo caused.
    func showEvents(_ counter: EventCounter, tally: Tally) async throws {
        try await counter.check(
            [
                .init(CheckInRecorded.eventType, "CheckInRecorded", tally.checkIns),
                .init(FeedbackGiven.eventType, "FeedbackGiven", tally.feedback),
                .init(EvidenceLogged.eventType, "EvidenceLogged", tally.evidence),
                .init(ImprovementPlanStarted.eventType, "ImprovementPlanStarted", tally.plansStarted),
                .init(ImprovementPlanCheckpointReviewed.eventType, "ImprovementPlanCheckpointReviewed", tally.checkpointReviews),
                .init(ImprovementPlanClosed.eventType, "ImprovementPlanClosed", tally.planClosings),
                .init(FeedbackInterviewCompleted.eventType, "FeedbackInterviewCompleted", tally.interviewsCompleted),
            ], topic: StrideTopic.coaching.rawValue, on: console)
    }
}
