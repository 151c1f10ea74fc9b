import Foundation
import HTTPTypes
import StrideContracts
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// Closing the cycle: coaching's `FeedbackInterviewCompleted` on `stride.coaching.v1` turns its
/// suggested goals into drafts of the employee in the next open period, through the real consumer.
///
/// The topics are shared and every new test service replays them from the start, so the people
/// are this test's own and the periods lie in the 2040s: a replayed interview never finds an open
/// period in another test's service (its periods are in 2026), and stays pending there.
@Suite("Goals service: feedback interviews become next-period drafts", .serialized)
struct FeedbackLoopTests {
    struct GoalList: Decodable { var items: [Goal] }

    static func openPeriod(_ h: GoalsHarness, _ name: String, _ kind: String, _ starts: String, _ ends: String, parent: String? = nil) async throws -> String {
        let reply = try await h.call(.post, "/v1/periods", as: "hr", json: """
            {"name": "\(name)", "kind": "\(kind)", "starts_on": "\(starts)", "ends_on": "\(ends)", "org_unit_id": "acme"
             \(parent.map { #", "parent_period_id": "\#($0)""# } ?? "")}
            """)
        guard reply.status == 201 else { throw HarnessError("open period: \(reply.status) \(reply.text)") }
        return try reply.string("period_id")
    }

    /// `owner`'s goals in `period`, oldest first, as HR sees them.
    static func goals(of owner: String, in period: String, _ h: GoalsHarness) async throws -> [Goal] {
        try await h.call(.get, "/v1/goals?period_id=\(period)&owner_id=\(owner)&limit=100", as: "hr").decode(GoalList.self).items
    }

    /// The suggestions recorded for `interview`, and how many of them are still pending.
    static func suggestions(of interview: String, _ h: GoalsHarness) async throws -> (recorded: Int, pending: Int) {
        let row = try await h.core.pool.withConnection {
            try await $0.query("""
                SELECT count(*), count(*) FILTER (WHERE goal_id IS NULL) FROM \(unescaped: h.schema).suggested_goals
                WHERE interview_id = \(interview)
                """).first!
        }
        return (try row.decode(0, as: Int.self), try row.decode(1, as: Int.self))
    }

    static func interview(
        _ id: String, about employee: String, heldOn: CalendarDate, _ suggestions: [GoalSuggestion]
    ) -> FeedbackInterviewCompleted {
        FeedbackInterviewCompleted(
            interviewID: id, employeeID: employee, managerID: "m1", actorID: "m1", cycleID: "cycle-2040",
            appraisalID: "appraisal-\(id)", heldOn: heldOn, agreements: ["Keep the weekly pipeline review"],
            improvementPlanID: nil, nextCycleGoalSuggestions: suggestions)
    }

    /// Publishes an interview to the test service's own coaching topic.
    static func publish(_ event: any StrideEvent, to h: GoalsHarness) async throws {
        try await TestPublisher.publish(encoded: [try EventCodec.encode(event, source: "/tests/coaching")], topic: h.core.settings.coachingTopic)
    }

    @Test("each suggestion becomes a draft in the next open period, audited and announced, and a duplicated interview adds nothing")
    func suggestionsBecomeDrafts() async throws {
        try await GoalsHarness.run { h in
            let suffix = TestEnvironment.uniqueName("fb")
            let employee = "x-\(suffix)"
            try await h.core.pool.transaction { connection in
                try await h.core.directory.apply(
                    GoalsHarness.employee(employee, manager: "m1", department: "Sales-\(suffix)", title: "Account Executive"), on: connection)
            }
            let tap = try await EventTap.start(schema: h.schema)
            let current = try await Self.openPeriod(h, "FY2040", "year", "2040-01-01", "2040-12-31")
            let next = try await Self.openPeriod(h, "FY2041", "year", "2041-01-01", "2041-12-31")
            // Starts the same day as FY2041: the tie goes to the outer period.
            let quarter = try await Self.openPeriod(h, "Q1 FY2041", "quarter", "2041-01-01", "2041-03-31", parent: next)

            let first = Self.interview("iv-\(suffix)-1", about: employee, heldOn: CalendarDate(year: 2040, month: 12, day: 10), [
                GoalSuggestion(title: "Lead the Nordics pilot", kind: .milestone, rationale: "Delivered DACH on time"),
                GoalSuggestion(title: "Raise NPS in key accounts", kind: .kpi, rationale: "Customer focus was the gap"),
                GoalSuggestion(title: "Mentor two new account executives", kind: .objective, rationale: nil),
            ])
            let encoded = try EventCodec.encode(first, source: "/tests/coaching")
            try await TestPublisher.publish(encoded: [encoded], topic: h.core.settings.coachingTopic)
            try await waitUntil("three drafts in FY2041", timeout: .seconds(90)) {
                try await Self.goals(of: employee, in: next, h).count == 3
            }
            let drafts = try await Self.goals(of: employee, in: next, h)
            #expect(drafts.map(\.definition.title).sorted() == [
                "Lead the Nordics pilot", "Mentor two new account executives", "Raise NPS in key accounts",
            ])
            for draft in drafts {
                #expect(draft.status == .draft)
                #expect(draft.ownerID == employee)
                #expect(draft.periodID == next)
                #expect(draft.definition.level == .employee)
                #expect(draft.definition.kind == .milestone)
                #expect(draft.createdBy == "coaching:\(first.interviewID)")
                #expect(draft.definition.description?.contains(first.interviewID) == true)
            }
            let byTitle = Dictionary(uniqueKeysWithValues: drafts.map { ($0.definition.title, $0) })
            #expect(byTitle["Lead the Nordics pilot"]?.definition.weight == Decimal(string: "33.34"))
            #expect(byTitle["Raise NPS in key accounts"]?.definition.weight == Decimal(string: "33.33"))
            #expect(drafts.reduce(Decimal(0)) { $0 + $1.definition.weight } == 100)
            #expect(byTitle["Raise NPS in key accounts"]?.definition.description?.contains("Customer focus was the gap") == true)
            #expect(byTitle["Raise NPS in key accounts"]?.definition.description?.contains("Suggested as a KPI") == true)
            #expect(try await Self.goals(of: employee, in: current, h).isEmpty)
            #expect(try await Self.goals(of: employee, in: quarter, h).isEmpty)
            let goalID = try #require(drafts.first?.goalID)
            let audit = try await h.call(.get, "/v1/goals/\(goalID)/audit", as: "hr")
            #expect(try audit.items.first?["actor_id"] as? String == "coaching:\(first.interviewID)", "\(audit.text)")
            // The employee works on them as on any draft.
            let edited = try await h.call(.patch, "/v1/goals/\(goalID)", as: employee, json: #"{"weight": "50"}"#)
            #expect(edited.status == 200, "\(edited.text)")

            // Redelivered (same event id) and duplicated (same interview, new event id): nothing new.
            // A second interview after them on the same partition (same key) shows they were handled.
            try await TestPublisher.publish(encoded: [encoded, try EventCodec.encode(first, source: "/tests/coaching")], topic: h.core.settings.coachingTopic)
            let second = Self.interview("iv-\(suffix)-2", about: employee, heldOn: CalendarDate(year: 2040, month: 12, day: 11), [
                GoalSuggestion(title: "Present at the sales kick-off", kind: .milestone, rationale: nil)
            ])
            try await Self.publish(second, to: h)
            try await waitUntil("the second interview's draft", timeout: .seconds(90)) {
                try await Self.goals(of: employee, in: next, h).count >= 4
            }
            #expect(try await Self.goals(of: employee, in: next, h).count == 4)
            #expect(try await Self.suggestions(of: first.interviewID, h) == (3, 0))
            #expect(try await Self.goals(of: employee, in: next, h).first { $0.definition.title == "Present at the sales kick-off" }?
                .definition.weight == 100)

            // GoalCreated for each draft, keyed by the employee, by the interview's actor.
            let events = try await tap.events { seen in
                seen.filter { $0.0.type == GoalCreated.eventType && $0.1.keyString == employee }.count >= 4
            }
            await tap.close()
            let created = try events.filter { $0.0.type == GoalCreated.eventType && $0.1.keyString == employee }
                .map { try EventCodec.decodePayload(GoalCreated.self, from: $0.1.value) }
            #expect(created.count == 4)
            #expect(created.filter { $0.actorID == "coaching:\(first.interviewID)" }.count == 3)
            #expect(created.allSatisfy { $0.status == .draft && $0.periodID == next && $0.ownerID == employee })
        }
    }

    @Test("an interview about an unknown employee, or with no period open, is kept and drafted once they exist")
    func pendingSuggestions() async throws {
        try await GoalsHarness.run { h in
            let suffix = TestEnvironment.uniqueName("fb")
            let newcomer = "y-\(suffix)"
            let next = try await Self.openPeriod(h, "FY2043", "year", "2043-01-01", "2043-12-31")

            // Unknown to the org projection: recorded, not dropped, not dead-lettered.
            let early = Self.interview("iv-\(suffix)-3", about: newcomer, heldOn: CalendarDate(year: 2042, month: 11, day: 20), [
                GoalSuggestion(title: "Own the onboarding checklist", kind: .milestone, rationale: "New in the role"),
                GoalSuggestion(title: "Cut ticket backlog", kind: .kpi, rationale: nil),
            ])
            try await Self.publish(early, to: h)
            try await waitUntil("the interview recorded", timeout: .seconds(90)) {
                try await Self.suggestions(of: early.interviewID, h) == (2, 2)
            }
            #expect(try await Self.goals(of: newcomer, in: next, h).isEmpty)
            // The org projection learns of them: their drafts follow in the same transaction.
            try await EventDrivenTests.publish([
                GoalsHarness.employee(newcomer, manager: "m1", department: "Support-\(suffix)", title: "Support Engineer")
            ])
            try await waitUntil("the newcomer's drafts", timeout: .seconds(90)) {
                try await Self.goals(of: newcomer, in: next, h).count == 2
            }
            #expect(try await Self.suggestions(of: early.interviewID, h) == (2, 0))

            // No period open on or after the day it was held: kept until one opens.
            let late = Self.interview("iv-\(suffix)-4", about: newcomer, heldOn: CalendarDate(year: 2044, month: 2, day: 1), [
                GoalSuggestion(title: "Run the support guild", kind: .objective, rationale: nil)
            ])
            try await Self.publish(late, to: h)
            try await waitUntil("the late interview recorded", timeout: .seconds(90)) {
                try await Self.suggestions(of: late.interviewID, h) == (1, 1)
            }
            let later = try await Self.openPeriod(h, "FY2045", "year", "2045-01-01", "2045-12-31")
            try await h.core.draftPendingSuggestions()  // what the periodic job runs
            #expect(try await Self.suggestions(of: late.interviewID, h) == (1, 0))
            let drafted = try await Self.goals(of: newcomer, in: later, h)
            #expect(drafted.map(\.definition.title) == ["Run the support guild"])
            #expect(drafted.first?.definition.description?.contains("Suggested as an objective") == true)
            try await h.core.draftPendingSuggestions()
            #expect(try await Self.goals(of: newcomer, in: later, h).count == 1, "drafted once")
        }
    }
}
