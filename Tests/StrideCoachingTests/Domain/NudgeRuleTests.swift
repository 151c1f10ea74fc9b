import Foundation
import StrideCoaching
import StrideContracts
import Testing

@Suite("Nudges from at-risk goals")
struct NudgeRuleTests {
    func event(_ id: String, at seconds: Double, _ signal: GoalRiskSignal) -> GoalRiskObservation {
        GoalRiskObservation(eventID: id, occurredAt: Date(timeIntervalSince1970: seconds), signal: signal)
    }

    /// Applies events in order and returns the verdicts.
    func run(_ events: [GoalRiskObservation], from start: NudgeEpisode = .initial) -> ([NudgeVerdict], NudgeEpisode) {
        var episode = start
        var verdicts: [NudgeVerdict] = []
        for event in events {
            let decision = NudgeRule.apply(event, to: episode)
            verdicts.append(decision.verdict)
            episode = decision.episode
        }
        return (verdicts, episode)
    }

    @Test("the first at-risk event nudges and opens the episode")
    func firstNudge() {
        let decision = NudgeRule.apply(event("e1", at: 100, .atRisk), to: .initial)
        #expect(decision.shouldNudge)
        #expect(decision.episode == NudgeEpisode(isOpen: true, lastEventID: "e1", lastEventAt: Date(timeIntervalSince1970: 100)))
    }

    @Test("once per episode: further at-risk events do not nudge again")
    func oncePerEpisode() {
        let (verdicts, episode) = run([event("e1", at: 1, .atRisk), event("e2", at: 2, .atRisk), event("e3", at: 3, .atRisk)])
        #expect(verdicts == [.nudge, .alreadyNudged, .alreadyNudged])
        #expect(episode.isOpen)
        #expect(episode.lastEventID == "e3")
    }

    @Test("back on track closes the episode; the next at-risk event nudges again")
    func newEpisode() {
        let (verdicts, episode) = run([
            event("e1", at: 1, .atRisk), event("e2", at: 2, .backOnTrack), event("e3", at: 3, .backOnTrack),
            event("e4", at: 4, .atRisk),
        ])
        #expect(verdicts == [.nudge, .episodeClosed, .nothingOpen, .nudge])
        #expect(episode.isOpen)
    }

    @Test("redelivery of the same event changes nothing")
    func redelivery() {
        let first = NudgeRule.apply(event("e1", at: 1, .atRisk), to: .initial)
        let again = NudgeRule.apply(event("e1", at: 1, .atRisk), to: first.episode)
        #expect(again.verdict == .duplicate)
        #expect(!again.shouldNudge)
        #expect(again.episode == first.episode)
    }

    @Test("an old at-risk event redelivered after recovery does not reopen the episode")
    func staleAfterRecovery() {
        let (verdicts, episode) = run([
            event("e1", at: 10, .atRisk), event("e2", at: 20, .backOnTrack), event("e1", at: 10, .atRisk),
        ])
        #expect(verdicts == [.nudge, .episodeClosed, .stale])
        #expect(!episode.isOpen)
        #expect(episode.lastEventID == "e2")
    }

    @Test("a different event at the same instant is applied")
    func sameInstant() {
        let (verdicts, _) = run([event("e1", at: 10, .backOnTrack), event("e2", at: 10, .atRisk)])
        #expect(verdicts == [.nothingOpen, .nudge])
    }

    @Test("only the nudge verdict nudges", arguments: NudgeVerdict.allCases)
    func onlyNudgeNudges(verdict: NudgeVerdict) {
        #expect(NudgeDecision(episode: .initial, verdict: verdict).shouldNudge == (verdict == .nudge))
    }

    @Test("progress back to the expected level at flagging ends the episode; short of it says nothing")
    func progressSignal() {
        #expect(GoalRiskSignal.afterProgress(progressPercent: 40, expectedPercentWhenFlagged: 40) == .backOnTrack)
        #expect(GoalRiskSignal.afterProgress(progressPercent: 55.5, expectedPercentWhenFlagged: 40) == .backOnTrack)
        #expect(GoalRiskSignal.afterProgress(progressPercent: 39.99, expectedPercentWhenFlagged: 40) == nil)
        #expect(GoalRiskSignal.afterProgress(progressPercent: 100, expectedPercentWhenFlagged: nil) == nil)
    }

    @Test("a completed or cancelled goal ends the episode", arguments: GoalStatus.allCases)
    func statusSignal(status: GoalStatus) {
        let ends = status == .completed || status == .cancelled
        #expect(GoalRiskSignal.afterStatusChange(to: status) == (ends ? .backOnTrack : nil))
    }
}

@Suite("Where a nudge goes on the agenda")
struct NudgePlacementTests {
    let today = day("2026-03-10")

    @Test("the pair's earliest scheduled 1:1 within the cadence")
    func existing() {
        let meetings = [
            meeting("late", on: "2026-03-16"),
            meeting("soon", on: "2026-03-12"),
            meeting("done", on: "2026-03-10", status: .completed),
            meeting("other", employee: "x", on: "2026-03-11"),
        ]
        #expect(
            NudgePlacement.choose(managerID: "mgr", employeeID: "emp", meetings: meetings, cadence: .weekly, today: today)
                == .existing(meetingID: "soon"))
    }

    @Test("a 1:1 today or on the last day of the cadence counts")
    func bounds() {
        #expect(
            NudgePlacement.choose(
                managerID: "mgr", employeeID: "emp", meetings: [meeting("t", on: "2026-03-10")], cadence: .weekly, today: today)
                == .existing(meetingID: "t"))
        #expect(
            NudgePlacement.choose(
                managerID: "mgr", employeeID: "emp", meetings: [meeting("e", on: "2026-03-17")], cadence: .weekly, today: today)
                == .existing(meetingID: "e"))
    }

    @Test("none within the cadence: a new 1:1 after the lead days")
    func newMeeting() {
        let beyond = [meeting("far", on: "2026-03-18"), meeting("gone", on: "2026-03-12", status: .cancelled)]
        #expect(
            NudgePlacement.choose(managerID: "mgr", employeeID: "emp", meetings: beyond, cadence: .weekly, today: today)
                == .newMeeting(on: day("2026-03-12")))
        #expect(
            NudgePlacement.choose(
                managerID: "mgr", employeeID: "emp", meetings: [], cadence: .monthly, today: today, leadDays: 0)
                == .newMeeting(on: today))
        #expect(
            NudgePlacement.choose(
                managerID: "mgr", employeeID: "emp", meetings: [], cadence: .weekly, today: today, leadDays: 30)
                == .newMeeting(on: day("2026-03-17")))
    }
}
