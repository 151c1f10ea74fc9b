import StrideCoaching
import StrideContracts
import Testing

@Suite("Feedback interviews")
struct FeedbackInterviewTests {
    let finalizedOn = day("2026-01-15")

    func interview() -> FeedbackInterview {
        FeedbackInterview(
            interviewID: "i1", employeeID: "emp", managerID: "mgr", appraisalID: "a1", cycleID: "2025",
            finalizedOn: finalizedOn, scheduledOn: day("2026-01-22"))
    }

    func record(
        heldOn: String = "2026-01-22", actions: [String] = ["Present the roadmap monthly"],
        goals: [GoalSuggestion] = [GoalSuggestion(title: "Lead the Q2 launch", kind: .milestone, rationale: "Growth")],
        view: String? = "Fair, I want more ownership", planID: String? = nil
    ) -> FeedbackInterviewRecord {
        FeedbackInterviewRecord(
            heldOn: day(heldOn), achievementsAffirmed: ["Shipped billing v2"], gapsIdentified: ["Estimates"],
            employeeView: view, agreedActions: actions, developmentNeeds: ["Public speaking"], nextCycleGoals: goals,
            improvementPlanID: planID)
    }

    // MARK: scheduling window

    @Test("the default window is 14 days after finalization; the proposal 7 days after")
    func window() {
        let window = InterviewWindow()
        #expect(window.windowDays == 14)
        #expect(window.latestDay(finalizedOn: finalizedOn) == day("2026-01-29"))
        #expect(window.proposedDay(finalizedOn: finalizedOn, today: finalizedOn) == day("2026-01-22"))
    }

    @Test("a late event is proposed from today, never after the window unless it has passed")
    func lateProposal() {
        let window = InterviewWindow()
        #expect(window.proposedDay(finalizedOn: finalizedOn, today: day("2026-01-25")) == day("2026-01-29"))
        #expect(window.proposedDay(finalizedOn: finalizedOn, today: day("2026-02-10")) == day("2026-02-10"))
        #expect(InterviewWindow(windowDays: 3).proposedDay(finalizedOn: finalizedOn, today: finalizedOn) == day("2026-01-18"))
    }

    @Test("a scheduled day falls within the window, from today on")
    func scheduling() {
        let window = InterviewWindow(windowDays: 10)
        let today = day("2026-01-16")
        #expect(window.violations(scheduledOn: day("2026-01-16"), finalizedOn: finalizedOn, today: today).isEmpty)
        #expect(window.violations(scheduledOn: day("2026-01-25"), finalizedOn: finalizedOn, today: today).isEmpty)
        #expect(summary(window.violations(scheduledOn: day("2026-01-26"), finalizedOn: finalizedOn, today: today)) == ["invalid:scheduled_on"])
        #expect(summary(window.violations(scheduledOn: day("2026-01-15"), finalizedOn: finalizedOn, today: today)) == ["invalid:scheduled_on"])
        let afterWindow = day("2026-02-01")
        #expect(window.violations(scheduledOn: afterWindow, finalizedOn: finalizedOn, today: afterWindow).isEmpty)
    }

    @Test("rescheduling before anything is recorded, within the window")
    func reschedule() throws {
        var item = interview()
        try item.reschedule(to: day("2026-01-28"), today: day("2026-01-16"))
        #expect(item.scheduledOn == day("2026-01-28"))
        #expect(caught { try item.reschedule(to: day("2026-02-28"), today: day("2026-01-16")) }?.field == "scheduled_on")
        try item.write(record(), today: day("2026-01-22"))
        #expect(caught { try item.reschedule(to: day("2026-01-27"), today: day("2026-01-22")) }?.kindName == "conflict")
    }

    // MARK: record

    @Test("a complete record is valid")
    func validRecord() {
        #expect(FeedbackInterviewRules.violations(of: record(), finalizedOn: finalizedOn, today: day("2026-01-22")).isEmpty)
        #expect(
            FeedbackInterviewRules.violations(of: record(goals: [], view: nil, planID: "p1"), finalizedOn: finalizedOn, today: day("2026-01-22"))
                .isEmpty)
    }

    @Test("record rules: held on between finalization and today, something agreed, bounded lists")
    func recordRules() {
        let today = day("2026-01-22")
        func check(_ record: FeedbackInterviewRecord) -> [String] {
            summary(FeedbackInterviewRules.violations(of: record, finalizedOn: finalizedOn, today: today))
        }
        #expect(check(record(heldOn: "2026-01-14")) == ["invalid:held_on"])
        #expect(check(record(heldOn: "2026-01-23")) == ["invalid:held_on"])
        #expect(check(record(actions: [])) == ["invalid:agreed_actions"])
        #expect(check(record(actions: ["ok", " "])) == ["invalid:agreed_actions[1]"])
        let tooMany = Array(repeating: "a", count: FeedbackInterviewRules.maxEntries + 1)
        #expect(check(record(actions: tooMany)) == ["invalid:agreed_actions"])
        let longView = String(repeating: "v", count: FeedbackInterviewRules.maxEmployeeViewLength + 1)
        #expect(check(record(view: longView)) == ["invalid:employee_view"])
        #expect(check(record(planID: " ")) == ["invalid:improvement_plan_id"])
        var lists = record()
        lists.achievementsAffirmed = [String(repeating: "x", count: FeedbackInterviewRules.maxEntryLength + 1)]
        lists.gapsIdentified = tooMany
        lists.developmentNeeds = [""]
        #expect(check(lists) == ["invalid:achievements_affirmed[0]", "invalid:gaps_identified", "invalid:development_needs[0]"])
    }

    @Test("suggested goals: bounded, titled, distinct ignoring case, short rationale")
    func suggestions() {
        let today = day("2026-01-22")
        func check(_ goals: [GoalSuggestion]) -> [String] {
            summary(FeedbackInterviewRules.violations(of: record(goals: goals), finalizedOn: finalizedOn, today: today))
        }
        let many = (0...FeedbackInterviewRules.maxGoalSuggestions).map {
            GoalSuggestion(title: "Goal \($0)", kind: .objective, rationale: nil)
        }
        #expect(check(many) == ["invalid:next_cycle_goals"])
        #expect(check([GoalSuggestion(title: " ", kind: .kpi, rationale: nil)]) == ["invalid:next_cycle_goals[0].title"])
        #expect(
            check([
                GoalSuggestion(title: "Grow NPS", kind: .kpi, rationale: nil),
                GoalSuggestion(title: " grow nps ", kind: .kpi, rationale: nil),
            ]) == ["invalid:next_cycle_goals[1].title"])
        let longTitle = String(repeating: "t", count: FeedbackInterviewRules.maxGoalTitleLength + 1)
        #expect(check([GoalSuggestion(title: longTitle, kind: .kpi, rationale: nil)]) == ["invalid:next_cycle_goals[0].title"])
        let longWhy = String(repeating: "r", count: FeedbackInterviewRules.maxRationaleLength + 1)
        #expect(check([GoalSuggestion(title: "t", kind: .kpi, rationale: longWhy)]) == ["invalid:next_cycle_goals[0].rationale"])
    }

    // MARK: sign-off

    @Test("both sign off, in either order, each once; then it is completed", arguments: [["mgr", "emp"], ["emp", "mgr"]])
    func signOff(order: [String]) throws {
        var item = interview()
        #expect(item.status == .scheduled)
        try item.write(record(), today: day("2026-01-22"))
        #expect(item.status == .recorded)
        #expect(try item.signOff(by: order[0], on: day("2026-01-22")) == false)
        #expect(item.status == .recorded)
        #expect(caught { _ = try item.signOff(by: order[0], on: day("2026-01-23")) }?.kindName == "conflict")
        #expect(try item.signOff(by: order[1], on: day("2026-01-23")) == true)
        #expect(item.status == .completed)
        #expect(item.isCompleted)
        #expect(item.managerSignedOn != nil && item.employeeSignedOn != nil)
    }

    @Test("nothing to sign before a record; outsiders never sign")
    func signOffRefusals() throws {
        var item = interview()
        #expect(caught { _ = try item.signOff(by: "mgr", on: day("2026-01-22")) }?.kindName == "conflict")
        try item.write(record(), today: day("2026-01-22"))
        #expect(caught { _ = try item.signOff(by: "hr", on: day("2026-01-22")) }?.kindName == "conflict")
        #expect(item.managerSignedOn == nil && item.employeeSignedOn == nil)
    }

    @Test("rewriting the record clears an earlier sign-off")
    func rewriteClearsSignOff() throws {
        var item = interview()
        try item.write(record(), today: day("2026-01-22"))
        try item.signOff(by: "mgr", on: day("2026-01-22"))
        try item.write(record(actions: ["A different agreement"]), today: day("2026-01-23"))
        #expect(item.managerSignedOn == nil)
        #expect(item.status == .recorded)
        #expect(item.record?.agreedActions == ["A different agreement"])
    }

    @Test("an invalid record is refused and changes nothing")
    func invalidWrite() throws {
        var item = interview()
        try item.write(record(), today: day("2026-01-22"))
        try item.signOff(by: "emp", on: day("2026-01-22"))
        let before = item
        #expect(caught { try item.write(record(actions: []), today: day("2026-01-22")) }?.field == "agreed_actions")
        #expect(item == before)
    }

    @Test("a completed interview is immutable")
    func immutable() throws {
        var item = interview()
        try item.write(record(), today: day("2026-01-22"))
        try item.signOff(by: "mgr", on: day("2026-01-22"))
        try item.signOff(by: "emp", on: day("2026-01-22"))
        let before = item
        #expect(caught { try item.write(record(), today: day("2026-01-23")) }?.kindName == "conflict")
        #expect(caught { _ = try item.signOff(by: "mgr", on: day("2026-01-23")) }?.kindName == "conflict")
        #expect(caught { try item.reschedule(to: day("2026-01-25"), today: day("2026-01-23")) }?.kindName == "conflict")
        #expect(item == before)
    }
}
