import StrideCoaching
import StrideContracts
import Testing

func meeting(
    _ id: String = "m1", manager: String = "mgr", employee: String = "emp", on scheduledOn: String = "2026-03-12",
    status: OneOnOneStatus = .scheduled
) -> OneOnOne {
    let held = status == .completed ? day(scheduledOn) : nil
    return OneOnOne(
        meetingID: id, managerID: manager, employeeID: employee, scheduledOn: day(scheduledOn), status: status,
        heldOn: held, durationMinutes: held == nil ? nil : 30)
}

@Suite("1:1 meetings")
struct OneOnOneTests {
    let today = day("2026-03-12")

    @Test("a scheduled 1:1 completes with the day held and its length")
    func complete() throws {
        var oneOnOne = meeting()
        try oneOnOne.complete(heldOn: today, durationMinutes: 45, today: today)
        #expect(oneOnOne.status == .completed)
        #expect(oneOnOne.heldOn == today)
        #expect(oneOnOne.durationMinutes == 45)
    }

    @Test("a scheduled 1:1 can be cancelled and rescheduled")
    func cancelAndReschedule() throws {
        var oneOnOne = meeting()
        try oneOnOne.reschedule(to: day("2026-03-20"), today: today)
        #expect(oneOnOne.scheduledOn == day("2026-03-20"))
        try oneOnOne.cancel()
        #expect(oneOnOne.status == .cancelled)
    }

    @Test("completed and cancelled 1:1s are final", arguments: [OneOnOneStatus.completed, .cancelled])
    func finalStates(status: OneOnOneStatus) {
        var oneOnOne = meeting(status: status)
        let before = oneOnOne
        #expect(caught { try oneOnOne.complete(heldOn: today, durationMinutes: 30, today: today) }?.kindName == "conflict")
        #expect(caught { try oneOnOne.cancel() }?.kindName == "conflict")
        #expect(caught { try oneOnOne.reschedule(to: day("2026-04-01"), today: today) }?.kindName == "conflict")
        #expect(oneOnOne == before)
    }

    @Test("the conflict says what the meeting is and what was asked")
    func conflictMessage() {
        var oneOnOne = meeting(status: .cancelled)
        #expect(caught { try oneOnOne.cancel() }?.message == "A cancelled 1:1 cannot be cancelled.")
    }

    @Test("completion rejects a future day and an impossible length, leaving the meeting scheduled")
    func completionFields() {
        var oneOnOne = meeting()
        let future = caught { try oneOnOne.complete(heldOn: day("2026-03-13"), durationMinutes: 30, today: today) }
        #expect(future?.kindName == "invalid")
        #expect(future?.field == "held_on")
        for minutes in [0, -5, OneOnOne.maxDurationMinutes + 1] {
            let error = caught { try oneOnOne.complete(heldOn: today, durationMinutes: minutes, today: today) }
            #expect(error?.field == "duration_minutes")
        }
        #expect(oneOnOne.status == .scheduled)
        #expect(
            summary(OneOnOneRules.completionViolations(heldOn: day("2026-03-13"), durationMinutes: 0, today: today))
                == ["invalid:held_on", "invalid:duration_minutes"])
    }

    @Test("a 1:1 cannot be rescheduled into the past")
    func rescheduleIntoPast() {
        var oneOnOne = meeting()
        let error = caught { try oneOnOne.reschedule(to: day("2026-03-11"), today: today) }
        #expect(error?.kindName == "invalid")
        #expect(error?.field == "scheduled_on")
    }

    @Test("scheduling needs two people and a day not in the past")
    func scheduling() {
        #expect(
            OneOnOneRules.schedulingViolations(managerID: "mgr", employeeID: "emp", scheduledOn: today, today: today)
                .isEmpty)
        #expect(
            summary(
                OneOnOneRules.schedulingViolations(
                    managerID: "mgr", employeeID: "mgr", scheduledOn: day("2026-03-01"), today: today))
                == ["unprocessable:employee_id", "invalid:scheduled_on"])
    }

    @Test("a 1:1 is planned or moved at most a year ahead: 366 days is accepted, 367 is not")
    func atMostAYearAhead() {
        #expect(OneOnOneRules.schedulingViolations(managerID: "mgr", employeeID: "emp", scheduledOn: day("2027-03-13"), today: today).isEmpty)
        #expect(
            summary(OneOnOneRules.schedulingViolations(managerID: "mgr", employeeID: "emp", scheduledOn: day("2027-03-14"), today: today))
                == ["invalid:scheduled_on"])
        var oneOnOne = meeting()
        let error = caught { try oneOnOne.reschedule(to: day("9999-12-31"), today: today) }
        #expect(error?.field == "scheduled_on")
        #expect(oneOnOne.scheduledOn != day("9999-12-31"))
    }

    @Test("participants are the manager and the report, nobody else")
    func participants() {
        let oneOnOne = meeting()
        #expect(oneOnOne.participant("mgr") == .manager)
        #expect(oneOnOne.participant("emp") == .employee)
        #expect(oneOnOne.participant("hr") == nil)
    }

    @Test("what each state accepts")
    func accepts() {
        #expect(meeting(status: .scheduled).acceptsAgendaChanges)
        #expect(!meeting(status: .completed).acceptsAgendaChanges)
        #expect(!meeting(status: .cancelled).acceptsAgendaChanges)
        #expect(meeting(status: .scheduled).acceptsNotes)
        #expect(meeting(status: .completed).acceptsNotes)
        #expect(!meeting(status: .cancelled).acceptsNotes)
    }
}

@Suite("1:1 agenda and action items")
struct AgendaAndActionItemTests {
    let today = day("2026-03-12")

    @Test("either side adds manual items; Coaching adds nudges and carried-over items")
    func validItems() {
        let oneOnOne = meeting()
        for adder in ["mgr", "emp"] {
            let item = AgendaItemDraft(title: "Hiring plan", source: .manual, addedBy: adder)
            #expect(AgendaRules.violations(of: item, in: oneOnOne, existingCount: 0).isEmpty)
        }
        let nudge = AgendaItemDraft(title: "Goal at risk: churn", source: .atRiskNudge, goalID: "g1")
        #expect(AgendaRules.violations(of: nudge, in: oneOnOne, existingCount: 0).isEmpty)
        let carried = AgendaItemDraft(title: "Follow up: draft", source: .carriedOver, actionItemID: "a1")
        #expect(AgendaRules.violations(of: carried, in: oneOnOne, existingCount: 0).isEmpty)
    }

    @Test("agenda item sources spell as the API does")
    func sourceSpelling() {
        #expect(AgendaItemSource.allCases.map(\.rawValue) == ["manual", "at_risk_nudge", "carried_over"])
    }

    @Test("agenda rules: outsiders, missing links, blank titles, closed or full agendas")
    func invalidItems() {
        let oneOnOne = meeting()
        #expect(
            summary(AgendaRules.violations(of: AgendaItemDraft(title: "x", source: .manual, addedBy: "hr"), in: oneOnOne, existingCount: 0))
                == ["unprocessable:added_by"])
        #expect(
            summary(AgendaRules.violations(of: AgendaItemDraft(title: "x", source: .manual), in: oneOnOne, existingCount: 0))
                == ["unprocessable:added_by"])
        #expect(
            summary(AgendaRules.violations(of: AgendaItemDraft(title: "x", source: .atRiskNudge), in: oneOnOne, existingCount: 0))
                == ["invalid:goal_id"])
        #expect(
            summary(AgendaRules.violations(of: AgendaItemDraft(title: "x", source: .carriedOver), in: oneOnOne, existingCount: 0))
                == ["invalid:action_item_id"])
        let long = String(repeating: "t", count: AgendaRules.maxTitleLength + 1)
        #expect(
            summary(AgendaRules.violations(of: AgendaItemDraft(title: long, source: .manual, addedBy: "emp"), in: oneOnOne, existingCount: 0))
                == ["invalid:title"])
        let fine = AgendaItemDraft(title: "x", source: .manual, addedBy: "emp")
        #expect(summary(AgendaRules.violations(of: fine, in: oneOnOne, existingCount: AgendaRules.maxItemsPerMeeting)) == ["conflict:-"])
        #expect(summary(AgendaRules.violations(of: fine, in: meeting(status: .completed), existingCount: 0)) == ["conflict:-"])
    }

    @Test("an action item is owned by a participant, titled, and not due in the past")
    func actionItemRules() {
        let oneOnOne = meeting()
        let good = ActionItemDraft(ownerID: "emp", title: "Draft the proposal", dueOn: day("2026-03-20"))
        #expect(ActionItemRules.violations(of: good, in: oneOnOne, existingCount: 0, today: today).isEmpty)
        #expect(
            ActionItemRules.violations(
                of: ActionItemDraft(ownerID: "mgr", title: "Book room", dueOn: nil), in: oneOnOne, existingCount: 0,
                today: today
            ).isEmpty)
        let bad = ActionItemDraft(ownerID: "hr", title: " ", dueOn: day("2026-03-11"))
        #expect(
            summary(ActionItemRules.violations(of: bad, in: oneOnOne, existingCount: 0, today: today))
                == ["unprocessable:owner_id", "invalid:title", "invalid:due_on"])
        #expect(
            summary(ActionItemRules.violations(of: good, in: meeting(status: .cancelled), existingCount: 0, today: today))
                == ["conflict:-"])
        #expect(
            summary(
                ActionItemRules.violations(
                    of: good, in: oneOnOne, existingCount: ActionItemRules.maxItemsPerMeeting, today: today))
                == ["conflict:-"])
    }

    @Test("an action item goes open → done → open; repeating a step is a conflict")
    func actionItemStates() throws {
        var item = TrackedActionItem(actionItemID: "a1", meetingID: "m1", ownerID: "emp", title: "Draft", dueOn: nil)
        #expect(item.state == .open)
        #expect(caught { try item.reopen() }?.kindName == "conflict")
        try item.markDone()
        #expect(item.state == .done)
        #expect(caught { try item.markDone() }?.kindName == "conflict")
        try item.reopen()
        #expect(item.state == .open)
    }

    @Test("an open item past its due date is overdue; a done one never is")
    func overdueItems() {
        let open = TrackedActionItem(actionItemID: "a1", meetingID: "m1", ownerID: "emp", title: "t", dueOn: day("2026-03-11"))
        #expect(open.isOverdue(on: today))
        #expect(!open.isOverdue(on: day("2026-03-11")))
        let done = TrackedActionItem(
            actionItemID: "a2", meetingID: "m1", ownerID: "emp", title: "t", dueOn: day("2026-03-01"), state: .done)
        #expect(!done.isOverdue(on: today))
        let undated = TrackedActionItem(actionItemID: "a3", meetingID: "m1", ownerID: "emp", title: "t", dueOn: nil)
        #expect(!undated.isOverdue(on: today))
    }

    @Test("an action item maps onto the event contract")
    func contract() {
        let item = TrackedActionItem(
            actionItemID: "a1", meetingID: "m1", ownerID: "emp", title: "Draft", dueOn: day("2026-03-20"))
        #expect(item.contract == ActionItem(actionItemID: "a1", ownerID: "emp", title: "Draft", dueDate: day("2026-03-20")))
    }

    @Test("notes: participants only, written, bounded, not on a cancelled 1:1")
    func notes() {
        #expect(NoteRules.violations(body: "Talked about growth", authorID: "emp", in: meeting(status: .completed)).isEmpty)
        #expect(summary(NoteRules.violations(body: "x", authorID: "hr", in: meeting())) == ["unprocessable:author_id"])
        #expect(summary(NoteRules.violations(body: "  ", authorID: "mgr", in: meeting())) == ["invalid:body"])
        let long = String(repeating: "n", count: NoteRules.maxBodyLength + 1)
        #expect(summary(NoteRules.violations(body: long, authorID: "mgr", in: meeting())) == ["invalid:body"])
        #expect(summary(NoteRules.violations(body: "x", authorID: "mgr", in: meeting(status: .cancelled))) == ["conflict:-"])
    }
}
