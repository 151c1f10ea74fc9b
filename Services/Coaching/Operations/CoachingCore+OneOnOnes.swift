import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// 1:1s: scheduling, the shared agenda, shared and private notes, action items, completion with
/// the carry-over of open action items, cancellation.
///
/// Access: the participants (the employee and the manager they meet), the employee's reporting
/// line and HR see a meeting; everyone else gets 404. Only the participants write to it (403 for
/// the others who may see it). A private note is read back only for its author: the store's
/// only read names the author in its key.
extension CoachingCore {
    var actionItems: ActionItemStore { ActionItemStore(schema: schema) }
    var privateNotes: PrivateNoteStore { PrivateNoteStore(schema: schema) }

    /// Schedules a 1:1 between an employee and their current manager: either of the two may
    /// (HR and the reporting line above the manager may not, unless they are the manager).
    func scheduleOneOnOne(_ request: NewOneOnOne, by principal: Principal, on connection: PostgresConnection) async throws -> OneOnOneView {
        try await access.requireVisible(request.employeeID, to: principal, on: connection)
        guard let employee = try await directory.employee(request.employeeID, on: connection) else {
            throw Problem.unprocessable(
                "No employee \(request.employeeID) in the org directory.",
                errors: [FieldError(field: "employee_id", message: "is not in the org directory")])
        }
        guard let managerID = employee.managerID else {
            throw Problem.unprocessable(
                "\(employee.id) has no manager to meet.", errors: [FieldError(field: "employee_id", message: "has no manager")])
        }
        guard principal.isSelf(employee.id) || principal.isSelf(managerID) else {
            throw Problem.forbidden("Only \(employee.id) and their manager schedule their 1:1s.")
        }
        guard employee.status != "terminated" else {
            throw Problem.unprocessable(
                "\(employee.id) has left the company.", errors: [FieldError(field: "employee_id", message: "has left the company")])
        }
        let violations = OneOnOneRules.schedulingViolations(
            managerID: managerID, employeeID: employee.id, scheduledOn: request.scheduledOn, today: today)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let meeting = OneOnOne(meetingID: newID(), managerID: managerID, employeeID: employee.id, scheduledOn: request.scheduledOn)
        try await Audit.identify(actor: principal.subject, action: "schedule-one-on-one", on: connection)
        try await meetings.insert(meeting, createdBy: principal.subject, on: connection)
        CoachingMetrics.recorded("one_on_one")
        return try await view(of: meeting.meetingID, on: connection)
    }

    /// The meeting with its agenda, shared notes, action items and the caller's own private note.
    func oneOnOne(_ meetingID: String, for principal: Principal, on connection: PostgresConnection) async throws -> OneOnOneView {
        let (meeting, relation) = try await visibleMeeting(meetingID, to: principal, on: connection)
        // The caller's own note, and only when they wrote one: the author relation is given by
        // the key the note is read with, and the domain rule confirms it.
        var view = try await view(of: meeting.meetingID, on: connection)
        if meeting.participant(principal.subject) != nil, NoteKind.private.canSee(relation.union(.author)) {
            view.privateNote = try await privateNotes.note(on: meeting.meetingID, by: principal.subject, on: connection)
        }
        return view
    }

    /// The employee's meetings, newest first, without any notes.
    func oneOnOnes(
        of employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<OneOnOneSummary> {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        let rows = try await meetings.page(
            of: employeeID, after: try page.cursorKey(as: OneOnOneStore.PageKey.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page) { OneOnOneStore.PageKey(id: $0.meetingID) }
    }

    /// A participant adds an item to a scheduled meeting's agenda, optionally about a goal.
    func addAgendaItem(
        _ request: NewAgendaItem, to meetingID: String, by principal: Principal, on connection: PostgresConnection
    ) async throws -> OneOnOneAgendaItem {
        let meeting = try await participantMeeting(meetingID, principal, doing: "add agenda items", on: connection)
        let draft = AgendaItemDraft(title: request.title, source: .manual, addedBy: principal.subject, goalID: request.goalID)
        var violations = AgendaRules.violations(
            of: draft, in: meeting, existingCount: try await meetings.agendaCount(of: meetingID, on: connection))
        if let goalID = request.goalID, try await projection.known([goalID], on: connection).isEmpty {
            violations.append(CoachingRuleViolation(.unprocessable, field: "goal_id", "No goal \(goalID) is known to coaching."))
        }
        try Self.throwFirstConflict(or: violations)
        let agendaItemID = newID()
        try await Audit.identify(actor: principal.subject, action: "add-agenda-item", on: connection)
        try await meetings.addAgendaItem(agendaItemID, to: meetingID, draft, on: connection)
        CoachingMetrics.recorded("agenda_item")
        guard let item = try await meetings.agendaItem(agendaItemID, on: connection) else {
            throw Problem.internal()
        }
        return item
    }

    /// A participant replaces the meeting's shared notes (while scheduled or after completion).
    func writeSharedNotes(
        _ notes: String, of meetingID: String, by principal: Principal, on connection: PostgresConnection
    ) async throws -> OneOnOneView {
        let meeting = try await participantMeeting(meetingID, principal, doing: "write its shared notes", on: connection)
        let violations = NoteRules.violations(body: notes, authorID: principal.subject, in: meeting).map {
            $0.field == "body" ? CoachingRuleViolation($0.kind, field: "shared_notes", $0.message) : $0
        }
        try Self.throwFirstConflict(or: violations)
        try await Audit.identify(actor: principal.subject, action: "write-shared-notes", on: connection)
        try await meetings.setSharedNotes(notes, of: meetingID, on: connection)
        return try await view(of: meetingID, on: connection)
    }

    /// A participant writes their own private note. Not audited (the table has no trigger, so
    /// the text never reaches the trail) and answered without its text.
    func writePrivateNote(
        _ body: String, on meetingID: String, by principal: Principal, on connection: PostgresConnection
    ) async throws -> OneOnOnePrivateNoteReceipt {
        let meeting = try await participantMeeting(meetingID, principal, doing: "write a private note", on: connection)
        try Self.throwFirstConflict(or: NoteRules.violations(body: body, authorID: principal.subject, in: meeting))
        let time = now
        try await privateNotes.save(body, on: meetingID, by: principal.subject, at: time, on: connection)
        return OneOnOnePrivateNoteReceipt(meetingID: meetingID, updatedAt: time)
    }

    /// A participant agrees an action item for one of the two, while the meeting is scheduled.
    func addActionItem(
        _ request: NewActionItem, to meetingID: String, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ActionItemView {
        let meeting = try await participantMeeting(meetingID, principal, doing: "add action items", on: connection)
        let draft = ActionItemDraft(ownerID: request.ownerID, title: request.title, dueOn: request.dueOn)
        try Self.throwFirstConflict(
            or: ActionItemRules.violations(
                of: draft, in: meeting, existingCount: try await actionItems.count(in: meetingID, on: connection), today: today))
        let actionItemID = newID()
        try await Audit.identify(actor: principal.subject, action: "add-action-item", on: connection)
        try await actionItems.insert(actionItemID, draft, in: meeting, createdBy: principal.subject, on: connection)
        CoachingMetrics.recorded("action_item")
        guard let item = try await actionItems.item(actionItemID, on: connection) else { throw Problem.internal() }
        return item
    }

    /// The item's owner or either participant of the meeting it is in marks it done.
    func markActionItemDone(_ actionItemID: String, by principal: Principal, on connection: PostgresConnection) async throws -> ActionItemView {
        let notFound = Problem.notFound("No action item \(actionItemID) is visible to you.")
        guard let item = try await actionItems.item(actionItemID, forUpdate: true, on: connection) else { throw notFound }
        guard let meeting = try await meetings.meeting(item.meetingID, on: connection) else { throw notFound }
        let relation = try await access.relation(of: principal, toRecordAbout: meeting.employeeID, on: connection)
        guard RecordAccess.canSee(relation) || meeting.participant(principal.subject) != nil || principal.isSelf(item.ownerID) else {
            throw notFound
        }
        guard principal.isSelf(item.ownerID) || meeting.participant(principal.subject) != nil else {
            throw Problem.forbidden("Only the action item's owner and the 1:1's participants mark it done.")
        }
        var tracked = item.tracked
        try tracked.markDone()
        try await Audit.identify(actor: principal.subject, action: "complete-action-item", on: connection)
        try await actionItems.markDone(actionItemID, at: now, on: connection)
        guard let done = try await actionItems.item(actionItemID, on: connection) else { throw Problem.internal() }
        return done
    }

    /// A participant marks the meeting held; its open action items then move to the pair's next
    /// scheduled 1:1 (one is scheduled a cadence after the day it was held when none is), each
    /// with a follow-up on its agenda; emits ``OneOnOneCompleted`` without any note text.
    func completeOneOnOne(
        _ request: CompletionBody, of meetingID: String, by principal: Principal, on connection: PostgresConnection
    ) async throws -> OneOnOneCompletion {
        var meeting = try await participantMeeting(meetingID, principal, doing: "complete it", on: connection)
        let today = self.today
        try meeting.complete(heldOn: request.heldOn, durationMinutes: request.durationMinutes, today: today)
        let agenda = try await meetings.agenda(of: meetingID, on: connection)
        let items = try await actionItems.items(in: meetingID, on: connection)
        try await Audit.identify(actor: principal.subject, action: "complete-one-on-one", on: connection)
        try await meetings.saveState(meeting, by: principal.subject, at: now, on: connection)

        var next: OneOnOne?
        var carried: [String] = []
        if items.contains(where: { $0.state == .open }) {
            let heldOn = request.heldOn
            let scheduled = try await meetings.scheduled(
                managerID: meeting.managerID, employeeID: meeting.employeeID, from: heldOn, through: heldOn.adding(days: 3_660),
                on: connection)
            var target = CarryOver.nextMeeting(after: meeting, among: scheduled)
            if target == nil {
                let cadence = try await cadences.cadence(of: meeting.employeeID, on: connection) ?? settings.defaultCadence
                let created = OneOnOne(
                    meetingID: newID(), managerID: meeting.managerID, employeeID: meeting.employeeID,
                    scheduledOn: max(today, heldOn.adding(days: cadence.intervalDays)))
                try await meetings.insert(created, createdBy: "coaching:carry-over", on: connection)
                target = created
            }
            if let target {
                let plan = try CarryOver.plan(items: items.map(\.tracked), from: meeting, to: target)
                try await actionItems.move(plan.actionItemIDs, to: target.meetingID, on: connection)
                for draft in plan.agendaItems {
                    try await meetings.addAgendaItem(newID(), to: target.meetingID, draft, on: connection)
                }
                carried = plan.actionItemIDs
                next = target
            }
        }

        var goalIDs: [String] = []
        for goalID in agenda.compactMap(\.goalID) where !goalIDs.contains(goalID) { goalIDs.append(goalID) }
        try await outbox.enqueue(
            OneOnOneCompleted(
                meetingID: meetingID, employeeID: meeting.employeeID, managerID: meeting.managerID, actorID: principal.subject,
                heldOn: request.heldOn, durationMinutes: request.durationMinutes, agendaItemCount: agenda.count, goalIDs: goalIDs,
                actionItems: items.map(\.tracked.contract)),
            on: connection)
        CoachingMetrics.recorded("one_on_one")
        return OneOnOneCompletion(
            meeting: try await view(of: meetingID, on: connection), nextMeetingID: next?.meetingID,
            carriedOver: carried)
    }

    /// A participant calls a scheduled meeting off.
    func cancelOneOnOne(_ meetingID: String, by principal: Principal, on connection: PostgresConnection) async throws -> OneOnOneView {
        var meeting = try await participantMeeting(meetingID, principal, doing: "cancel it", on: connection)
        try meeting.cancel()
        try await Audit.identify(actor: principal.subject, action: "cancel-one-on-one", on: connection)
        try await meetings.saveState(meeting, by: principal.subject, at: now, on: connection)
        return try await view(of: meetingID, on: connection)
    }

    /// Moves a scheduled 1:1 to another day; its agenda and action items go with it.
    /// - Parameter day: the new day, read once the caller may move the meeting.
    /// - Throws: 404 unless visible, 403 for anyone but the two participants, 409 unless
    ///   scheduled, 400 (`scheduled_on`) for a missing, malformed or past day.
    func rescheduleOneOnOne(
        _ meetingID: String, by principal: Principal, on connection: PostgresConnection, to day: () throws -> CalendarDate
    ) async throws -> OneOnOneView {
        var meeting = try await participantMeeting(meetingID, principal, doing: "move it", on: connection)
        try meeting.reschedule(to: try day(), today: today)
        try await Audit.identify(actor: principal.subject, action: "reschedule-one-on-one", on: connection)
        try await meetings.saveState(meeting, by: principal.subject, at: now, on: connection)
        return try await view(of: meetingID, on: connection)
    }

    // MARK: - Access and reading

    /// The meeting and the caller's relation to it, or 404 unless the caller may see it (a
    /// participant, the employee's reporting line, HR).
    func visibleMeeting(
        _ meetingID: String, to principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection
    ) async throws -> (OneOnOne, ViewerRelation) {
        let notFound = Problem.notFound("No 1:1 \(meetingID) is visible to you.")
        guard let meeting = try await meetings.meeting(meetingID, forUpdate: forUpdate, on: connection) else { throw notFound }
        let relation = try await access.relation(of: principal, toRecordAbout: meeting.employeeID, on: connection)
        guard RecordAccess.canSee(relation) || meeting.participant(principal.subject) != nil else { throw notFound }
        return (meeting, relation)
    }

    /// The meeting, locked, when the caller is one of its two participants: 404 when they may not
    /// see it, 403 when they may see it but are not in it.
    func participantMeeting(
        _ meetingID: String, _ principal: Principal, doing what: String, on connection: PostgresConnection
    ) async throws -> OneOnOne {
        let (meeting, _) = try await visibleMeeting(meetingID, to: principal, forUpdate: true, on: connection)
        guard meeting.participant(principal.subject) != nil else {
            throw Problem.forbidden("Only the manager and the report in a 1:1 may \(what).")
        }
        return meeting
    }

    /// The meeting as the API shows it, without any private note.
    func view(of meetingID: String, on connection: PostgresConnection) async throws -> OneOnOneView {
        guard let found = try await meetings.summary(meetingID, on: connection) else {
            throw Problem.notFound("No 1:1 \(meetingID).")
        }
        return OneOnOneView(
            meeting: found.0, sharedNotes: found.sharedNotes, agenda: try await meetings.agenda(of: meetingID, on: connection),
            actionItems: try await actionItems.items(in: meetingID, on: connection), privateNote: nil)
    }

    /// A state conflict answers 409 even when fields are wrong too; otherwise every violation at once.
    static func throwFirstConflict(or violations: [CoachingRuleViolation]) throws {
        if let conflict = violations.first(where: { if case .conflict = $0.kind { true } else { false } }) { throw conflict }
        guard violations.isEmpty else { throw Problem.rules(violations) }
    }
}
