import Foundation
import StrideContracts
import StrideDemoKit

extension CoachingDemo {
    /// The period the goals service puts the goals suggested in today's interviews into: the
    /// open period that starts earliest after today (ties: the outer period, then the longest),
    /// as the service picks it. When none is open, HR opens the next year for the org unit of
    /// `closed` through the goals API (later runs find it open). Call it before the appraisal
    /// results are published, so the drafts have somewhere to go.
    func nextOpenPeriod(after closed: PeriodView) async throws -> PeriodView {
        let open = try await goalsClient.all("/v1/periods?status=open", as: org.hr, decoding: PeriodView.self)
        func length(_ period: PeriodView) -> TimeInterval { period.endsOn.startOfDayUTC.timeIntervalSince(period.startsOn.startOfDayUTC) }
        let upcoming = open.filter { $0.startsOn > today }.sorted {
            ($0.startsOn, $0.parentPeriodID == nil ? 0 : 1, -length($0), $0.periodID)
                < ($1.startsOn, $1.parentPeriodID == nil ? 0 : 1, -length($1), $1.periodID)
        }
        if let next = upcoming.first {
            console.say(
                "   \(next.name) (\(next.startsOn) – \(next.endsOn)) is open in the goals service already (since \(DemoFormat.utc(next.createdAt)));"
                    + " the goals suggested in the interviews will become drafts there")
            return next
        }
        let year = context.year + 1
        let next: PeriodView = try await goalsClient.call(
            "POST", "/v1/periods", as: org.hr, expect: 201,
            body: PeriodRequestBody(
                name: "FY\(year)", kind: "year", startsOn: CalendarDate(year: year, month: 1, day: 1),
                endsOn: CalendarDate(year: year, month: 12, day: 31), orgUnitID: closed.orgUnitID))
        console.say(
            "   HR opens \(next.name) (\(next.startsOn) – \(next.endsOn)) in the goals service: the next open period,"
                + " where the goals suggested in the interviews will become drafts")
        return next
    }

    /// Waits (polling the goals API as each employee) until the goals service has turned every
    /// goal suggested in the interviews into a draft of the employee in `period` (each audited as
    /// `coaching:<interview id>`, with its `GoalCreated`), then prints them.
    /// - Throws: ``DemoError`` when they are not all there within two minutes, are more than were
    ///   suggested, or land in another period.
    func showNextCycleDrafts(_ held: [HeldInterview], in period: PeriodView) async throws {
        let expected = held.reduce(0) { $0 + $1.suggestions.count }
        let (drafts, after) = try await poll(
            until: "the goals service has drafted the \(expected) goals suggested in \(held.count) feedback interviews",
            timeout: .seconds(120), every: .milliseconds(250)
        ) { () async throws -> [[GoalView]]? in
            let seen = try await concurrently(held, limit: context.concurrency) { [goalsClient] interview in
                let employee = interview.interview.employeeID
                return try await goalsClient.all("/v1/goals?owner_id=\(employee)&status=draft", as: employee, decoding: GoalView.self)
                    .filter { $0.createdBy == "coaching:\(interview.interview.interviewID)" }
            }
            return zip(seen, held).allSatisfy { $0.count >= $1.suggestions.count } ? seen : nil
        }
        if let (goals, interview) = zip(drafts, held).first(where: { $0.count != $1.suggestions.count }) {
            throw DemoError(
                "the goals service drafted \(goals.count) goals from the interview \(interview.interview.interviewID), which suggested \(interview.suggestions.count)")
        }
        let misplaced = drafts.joined().filter { $0.periodID != period.periodID }
        guard misplaced.isEmpty else {
            throw DemoError("\(misplaced.count) drafts went to another period than \(period.name) (\(period.periodID)): \(Set(misplaced.map(\.periodID)).sorted())")
        }
        console.say(
            "   stride-goals turned the \(expected) suggested goals into \(period.name) drafts of \(held.count) employees within"
                + " \(DemoFormat.seconds(after)) of the last sign-off (GoalCreated each, audited as coaching:<interview>);",
            "   every draft is a milestone until employee and manager agree a KPI's measure or an objective's key results,"
                + " and the weights split 100 for them to rebalance:")
        for (interview, goals) in zip(held, drafts) {
            let order = Dictionary(uniqueKeysWithValues: interview.suggestions.enumerated().map { ($1.title, $0) })
            console.say("     \(org.label(interview.interview.employeeID)), \(period.name):")
            for goal in goals.sorted(by: { order[$0.definition.title, default: 0] < order[$1.definition.title, default: 0] }) {
                let suggested = interview.suggestions.first { $0.title == goal.definition.title }?.kind.rawValue ?? "?"
                console.say(
                    "       " + DemoFormat.left("\"\(goal.definition.title)\"", 52) + DemoFormat.right("\(goal.definition.weight) %", 9)
                        + "  \(goal.status), \(goal.definition.kind) (suggested as \(suggested))")
            }
        }
    }
}
