import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideRuntime
import StrideTestSupport
import Testing

/// `GoalAtRisk` from the goals stream becomes a nudge on the manager's next 1:1, once per
/// at-risk episode, under redelivery too; the projection keeps what coaching knows of goals.
@Suite("Coaching: goal projection and nudges", .serialized)
struct NudgeTests {
    static let period = "fy2026"

    static func created(_ goalID: String, owner: String, title: String) -> GoalCreated {
        GoalCreated(
            goalID: goalID, ownerID: owner, periodID: period, actorID: owner, version: 1, status: .draft,
            definition: GoalDefinition(
                title: title, description: nil, level: .employee, kind: .milestone, parentGoalID: nil, weight: 50, dueDate: nil,
                measure: nil, keyResults: []))
    }

    static func atRisk(_ goalID: String, owner: String, manager: String?, title: String) -> GoalAtRisk {
        GoalAtRisk(
            goalID: goalID, ownerID: owner, managerID: manager, periodID: period, title: title,
            assessedOn: CalendarDate(year: 2026, month: 7, day: 2), expectedProgressPercent: 50, actualProgressPercent: 10,
            deviationPoints: 40)
    }

    static func ended(_ goalID: String, owner: String, to status: GoalStatus) -> GoalStatusChanged {
        GoalStatusChanged(
            goalID: goalID, ownerID: owner, periodID: period, actorID: owner, version: 5, fromStatus: .active, toStatus: status,
            reason: nil)
    }

    static func backOnTrack(_ goalID: String, owner: String) -> GoalBackOnTrack {
        GoalBackOnTrack(
            goalID: goalID, ownerID: owner, managerID: "m1", periodID: period, assessedOn: CalendarDate(year: 2026, month: 7, day: 2),
            expectedProgressPercent: 50, actualProgressPercent: 45)
    }

    /// Publishes a sentinel goal after everything else and waits until coaching has projected it:
    /// on the test's one-partition topic, everything published before has then been handled.
    static func drain(_ h: CoachingHarness) async throws {
        let sentinel = "sentinel-\(UUID().uuidString.prefix(8))"
        try await h.publishGoals([created(sentinel, owner: "e3", title: "sentinel")])
        try await waitUntil("the sentinel goal is projected", timeout: .seconds(60)) {
            try await h.scalar("SELECT count(*)::int FROM $schema.goals WHERE goal_id = '\(sentinel)'", as: Int.self) == 1
        }
    }

    @Test("an at-risk goal lands once on a new 1:1 of the owner and their manager; redelivery and a repeat in the episode add nothing")
    func nudgeOncePerEpisode() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([Self.created("g1", owner: "e1", title: "Ship the thing")])
            let firstAlarm = try EventCodec.encode(Self.atRisk("g1", owner: "e1", manager: "m1", title: "Ship the thing"), source: "/stride/goals")
            try await h.publishGoals(encoded: [firstAlarm, firstAlarm])
            try await h.publishGoals([Self.atRisk("g1", owner: "e1", manager: "m1", title: "Ship the thing")])
            try await Self.drain(h)

            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g1'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.agenda_items WHERE goal_id = 'g1' AND source = 'at_risk_nudge'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.one_on_ones WHERE employee_id = 'e1' AND manager_id = 'm1' AND status = 'scheduled'", as: Int.self) == 1)
            // The default lead: two days after the service's today (2026-07-02).
            #expect(try await h.scalar("SELECT scheduled_on::text FROM $schema.one_on_ones WHERE employee_id = 'e1'", as: String.self) == "2026-07-04")
            #expect(try await h.scalar("SELECT at_risk FROM $schema.goals WHERE goal_id = 'g1'", as: Bool.self) == true)
            #expect(try await h.scalar("SELECT title FROM $schema.goals WHERE goal_id = 'g1'", as: String.self) == "Ship the thing")
            // Written by the nudge, and audited under its name.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'coaching:nudge'", as: Int.self) ?? 0 >= 2)
        }
    }

    @Test("a goal that leaves its at-risk episode (here: cancelled) is nudged again when it next falls behind, on the 1:1 already scheduled")
    func newEpisodeNewNudge() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([
                Self.created("g2", owner: "e2", title: "Grow the pipeline"),
                Self.atRisk("g2", owner: "e2", manager: "m1", title: "Grow the pipeline"),
            ])
            try await Self.drain(h)
            try await h.publishGoals([
                Self.ended("g2", owner: "e2", to: .cancelled),
                Self.atRisk("g2", owner: "e2", manager: "m1", title: "Grow the pipeline"),
            ])
            try await Self.drain(h)

            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g2'", as: Int.self) == 2)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g2' AND cleared_at IS NULL", as: Int.self) == 1)
            // Both agenda items are on the one 1:1 the first nudge scheduled (within the cadence).
            #expect(try await h.scalar("SELECT count(DISTINCT meeting_id)::int FROM $schema.nudges WHERE goal_id = 'g2'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.one_on_ones WHERE employee_id = 'e2'", as: Int.self) == 1)
        }
    }

    @Test("GoalBackOnTrack ends the episode: the projection clears, and the next GoalAtRisk nudges again")
    func backOnTrackEndsEpisode() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([
                Self.created("g4", owner: "e1", title: "Retain customers"),
                Self.atRisk("g4", owner: "e1", manager: "m1", title: "Retain customers"),
                Self.backOnTrack("g4", owner: "e1"),
            ])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT at_risk FROM $schema.goals WHERE goal_id = 'g4'", as: Bool.self) == false)
            #expect(try await h.scalar("SELECT progress_percent::text FROM $schema.goals WHERE goal_id = 'g4'", as: String.self) == "45.00")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g4' AND cleared_at IS NOT NULL", as: Int.self) == 1)
            try await h.publishGoals([Self.atRisk("g4", owner: "e1", manager: "m1", title: "Retain customers")])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g4'", as: Int.self) == 2)
        }
    }

    @Test("closing the period ends every at-risk episode of its goals")
    func periodCloseEndsEpisodes() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([
                Self.created("g5", owner: "e2", title: "Close the books"),
                Self.atRisk("g5", owner: "e2", manager: "m1", title: "Close the books"),
                GoalPeriodClosed(
                    periodID: Self.period, orgUnitID: "acme", name: "FY2026", kind: .year,
                    startsOn: CalendarDate(year: 2026, month: 1, day: 1), endsOn: CalendarDate(year: 2026, month: 12, day: 31),
                    actorID: "hr", goalCount: 1, ownerCount: 1),
            ])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT at_risk FROM $schema.goals WHERE goal_id = 'g5'", as: Bool.self) == false)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g5' AND cleared_at IS NULL", as: Int.self) == 0)
            let board = try await h.call(.get, "/v1/managers/m1/team-board", as: "m1")
            #expect(try board.items.first { $0["employee_id"] as? String == "e2" }?["at_risk_goals_without_one_on_one"] as? [String] == [])
        }
    }

    @Test("a GoalAtRisk that arrives after its period's close (another partition lagging) is projected, not at risk, and nudges nobody")
    func atRiskAfterCloseStartsNothing() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([
                Self.created("g6", owner: "e1", title: "Late alarm"),
                GoalPeriodClosed(
                    periodID: Self.period, orgUnitID: "acme", name: "FY2026", kind: .year,
                    startsOn: CalendarDate(year: 2026, month: 1, day: 1), endsOn: CalendarDate(year: 2026, month: 12, day: 31),
                    actorID: "hr", goalCount: 1, ownerCount: 1),
                Self.atRisk("g6", owner: "e1", manager: "m1", title: "Late alarm"),
                Self.atRisk("g7", owner: "e2", manager: "m1", title: "Unknown until now"),
            ])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges", as: Int.self) == 0)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.one_on_ones", as: Int.self) == 0)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.goals WHERE goal_id IN ('g6', 'g7') AND NOT at_risk", as: Int.self) == 2)
            #expect(try await h.scalar("SELECT progress_percent::text FROM $schema.goals WHERE goal_id = 'g7'", as: String.self) == "10.00")
            // Another period's goals are still nudged.
            var other = Self.atRisk("g8", owner: "e1", manager: "m1", title: "Next year")
            other.periodID = "fy2027"
            try await h.publishGoals([other])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'g8'", as: Int.self) == 1)
        }
    }

    @Test("a wave of at-risk goals published at once: an owner's goals share one new 1:1, a repeat or an older event adds nothing, order holds, a manager the org knows is nudged")
    func waveOfAtRiskGoals() async throws {
        try await CoachingHarness.coaching { h in
            let repeated = try EventCodec.encode(Self.atRisk("w1", owner: "e1", manager: "m1", title: "Wave one"), source: "/stride/goals")
            let earlier = Date().addingTimeInterval(-3600)
            try await h.publishGoals(encoded: [
                repeated,
                try EventCodec.encode(Self.atRisk("w2", owner: "e1", manager: "m1", title: "Wave two"), source: "/stride/goals"),
                try EventCodec.encode(Self.atRisk("w1", owner: "e1", manager: "m1", title: "Wave one again"), source: "/stride/goals"),
                repeated,
                // Older than what coaching has applied about w2 by then: projected nowhere, nudges nobody.
                try EventCodec.encode(Self.atRisk("w2", owner: "e1", manager: "m1", title: "Stale"), source: "/stride/goals", time: earlier),
                // No manager named: the org directory says e2 reports to m1.
                try EventCodec.encode(Self.atRisk("w3", owner: "e2", manager: nil, title: "Wave three"), source: "/stride/goals"),
                // An episode that ends and starts again inside the wave.
                try EventCodec.encode(Self.atRisk("w4", owner: "e3", manager: "m2", title: "Wave four"), source: "/stride/goals"),
                try EventCodec.encode(Self.backOnTrack("w4", owner: "e3"), source: "/stride/goals"),
                try EventCodec.encode(Self.atRisk("w4", owner: "e3", manager: "m2", title: "Wave four"), source: "/stride/goals"),
            ])
            try await Self.drain(h)

            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'w1'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'w2'", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT title FROM $schema.goals WHERE goal_id = 'w1'", as: String.self) == "Wave one again")
            #expect(try await h.scalar("SELECT title FROM $schema.goals WHERE goal_id = 'w2'", as: String.self) == "Wave two")
            // Both of e1's goals are on the one 1:1 the wave scheduled for e1 and m1.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.one_on_ones WHERE employee_id = 'e1'", as: Int.self) == 1)
            #expect(try await h.scalar("""
                SELECT count(*)::int FROM $schema.agenda_items a JOIN $schema.one_on_ones o USING (meeting_id)
                WHERE o.employee_id = 'e1' AND o.manager_id = 'm1' AND a.goal_id IN ('w1', 'w2') AND a.source = 'at_risk_nudge'
                """, as: Int.self) == 2)
            #expect(try await h.scalar("SELECT manager_id FROM $schema.nudges WHERE goal_id = 'w3'", as: String.self) == "m1")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'w4'", as: Int.self) == 2)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges WHERE goal_id = 'w4' AND cleared_at IS NULL", as: Int.self) == 1)
            #expect(try await h.scalar("SELECT at_risk FROM $schema.goals WHERE goal_id = 'w4'", as: Bool.self) == true)
            // Every nudge's agenda item is on its 1:1, and the nudge keeps the id of the event that raised it.
            #expect(try await h.scalar("""
                SELECT count(*)::int FROM $schema.nudges n JOIN $schema.agenda_items a USING (agenda_item_id)
                WHERE a.meeting_id <> n.meeting_id
                """, as: Int.self) == 0)
            #expect(try await h.scalar("SELECT event_id FROM $schema.nudges WHERE goal_id = 'w1'", as: String.self)
                == repeated.headers.first { $0.name == "ce_id" }?.value)
        }
    }

    @Test("without a manager named or known, the goal is projected at risk and nobody is nudged; events about unknown goals are kept")
    func noManagerNoNudge() async throws {
        try await CoachingHarness.coaching { h in
            try await h.publishGoals([Self.atRisk("g3", owner: "stranger", manager: nil, title: "Orphan goal")])
            try await Self.drain(h)
            #expect(try await h.scalar("SELECT at_risk FROM $schema.goals WHERE goal_id = 'g3'", as: Bool.self) == true)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.nudges", as: Int.self) == 0)

            let reply = try await h.call(.get, "/v1/employees/e1/goals", as: "e2")
            #expect(reply.status == 404)
            let own = try await h.call(.get, "/v1/employees/stranger/goals", as: "hr")
            #expect(own.status == 200)
            #expect(try own.items.map { $0["goal_id"] as? String } == ["g3"])
        }
    }
}
