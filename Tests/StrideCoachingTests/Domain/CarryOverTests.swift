import StrideCoaching
import StrideContracts
import Testing

@Suite("Carry-over of open action items")
struct CarryOverTests {
    let completed = meeting("m1", on: "2026-03-02", status: .completed)
    let next = meeting("m2", on: "2026-03-09")

    func item(_ id: String, in meetingID: String = "m1", state: ActionItemState = .open) -> TrackedActionItem {
        TrackedActionItem(actionItemID: id, meetingID: meetingID, ownerID: "emp", title: "Task \(id)", dueOn: nil, state: state)
    }

    @Test("open items of the completed 1:1 move, with a follow-up agenda item each; done items stay")
    func movesOpenItems() throws {
        let items = [item("a1"), item("a2", state: .done), item("a3"), item("b1", in: "m0")]
        let plan = try CarryOver.plan(items: items, from: completed, to: next)
        #expect(plan.actionItemIDs == ["a1", "a3"])
        #expect(
            plan.agendaItems == [
                AgendaItemDraft(title: "Follow up: Task a1", source: .carriedOver, actionItemID: "a1"),
                AgendaItemDraft(title: "Follow up: Task a3", source: .carriedOver, actionItemID: "a3"),
            ])
        for agendaItem in plan.agendaItems {
            #expect(AgendaRules.violations(of: agendaItem, in: next, existingCount: 0).isEmpty)
        }
    }

    @Test("carrying twice moves nothing the second time")
    func idempotent() throws {
        var items = [item("a1"), item("a2")]
        let first = try CarryOver.plan(items: items, from: completed, to: next)
        for index in items.indices where first.actionItemIDs.contains(items[index].actionItemID) {
            items[index].meetingID = next.meetingID
        }
        let second = try CarryOver.plan(items: items, from: completed, to: next)
        #expect(second.isEmpty)
        #expect(second.agendaItems.isEmpty)
    }

    @Test("nothing open, nothing to carry")
    func nothingOpen() throws {
        #expect(try CarryOver.plan(items: [item("a1", state: .done)], from: completed, to: next).isEmpty)
    }

    @Test("a long title is cut to the agenda's limit")
    func longTitle() throws {
        let long = TrackedActionItem(
            actionItemID: "a1", meetingID: "m1", ownerID: "emp",
            title: String(repeating: "x", count: ActionItemRules.maxTitleLength), dueOn: nil)
        let plan = try CarryOver.plan(items: [long], from: completed, to: next)
        #expect(plan.agendaItems.first?.title.count == AgendaRules.maxTitleLength)
    }

    @Test("only from a completed 1:1 to a scheduled one of the same pair")
    func refusals() {
        let items = [item("a1")]
        #expect(caught { _ = try CarryOver.plan(items: items, from: meeting("m1"), to: next) }?.kindName == "conflict")
        #expect(
            caught { _ = try CarryOver.plan(items: items, from: completed, to: meeting("m2", status: .cancelled)) }?
                .kindName == "conflict")
        let otherPair = caught { _ = try CarryOver.plan(items: items, from: completed, to: meeting("m2", employee: "other")) }
        #expect(otherPair?.kindName == "unprocessable")
        #expect(otherPair?.field == "meeting_id")
        let otherManager = caught { _ = try CarryOver.plan(items: items, from: completed, to: meeting("m2", manager: "boss")) }
        #expect(otherManager?.field == "meeting_id")
        let sameMeeting = OneOnOne(
            meetingID: "m1", managerID: "mgr", employeeID: "emp", scheduledOn: day("2026-03-09"))
        #expect(caught { _ = try CarryOver.plan(items: items, from: completed, to: sameMeeting) }?.field == "meeting_id")
    }

    @Test("the next 1:1 is the pair's earliest scheduled one on or after the day held")
    func nextMeeting() {
        let candidates = [
            meeting("later", on: "2026-03-20"),
            meeting("cancelled", on: "2026-03-05", status: .cancelled),
            meeting("other-pair", employee: "x", on: "2026-03-03"),
            meeting("before", on: "2026-03-01"),
            meeting("soonest", on: "2026-03-09"),
            completed,
        ]
        #expect(CarryOver.nextMeeting(after: completed, among: candidates)?.meetingID == "soonest")
        #expect(CarryOver.nextMeeting(after: completed, among: [completed, meeting("before", on: "2026-03-01")]) == nil)
    }
}
