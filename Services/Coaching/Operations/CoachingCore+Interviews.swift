import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var interviewStore: InterviewStore { InterviewStore(schema: schema) }

    /// Schedules the feedback interview of a finalized appraisal, once per appraisal: the window
    /// decides the day and the due date; a later version of the appraisal only updates an
    /// interview that is not completed; a redelivery or an older version changes nothing. Runs
    /// in the inbox's transaction.
    /// - Parameters:
    ///   - event: the appraisal.
    ///   - time: when it was finalized (the event's time); a day after the service's today counts as today.
    func scheduleInterview(for event: AppraisalFinalized, at time: Date, on connection: PostgresConnection) async throws {
        var managerID = event.managerID
        if managerID.allSatisfy(\.isWhitespace) {
            managerID = try await directory.employee(event.employeeID, on: connection)?.managerID ?? ""
        }
        guard !managerID.isEmpty else {
            logger.info(
                "finalized appraisal without a manager to hold its feedback interview",
                metadata: ["appraisal_id": "\(event.appraisalID)", "employee_id": "\(event.employeeID)"])
            return
        }
        let today = self.today
        let finalizedOn = min(CalendarDate(utc: time), today)
        let window = settings.interviewWindow
        try await Audit.identify(actor: "coaching:appraisals", action: "schedule-feedback-interview", on: connection)
        let written = try await interviewStore.schedule(
            InterviewStore.Scheduling(
                interviewID: newID(), appraisalID: event.appraisalID, appraisalVersion: event.version, cycleID: event.cycleID,
                employeeID: event.employeeID, managerID: managerID, finalizedOn: finalizedOn,
                dueOn: window.latestDay(finalizedOn: finalizedOn),
                scheduledOn: window.proposedDay(finalizedOn: finalizedOn, today: today)),
            on: connection)
        if written { CoachingMetrics.recorded("feedback_interview") }
    }

    /// The manager writes the interview's record (the employee's view is kept), or the employee
    /// writes their own view. Either clears the sign-offs given to the earlier text.
    /// - Throws: 404 unless visible, 403 for anyone but the two, 409 once completed (or for the
    ///   employee's view before the manager's record), 400 naming each field that breaks a rule
    ///   or does not belong to the caller's side, 422 (`improvement_plan_id`) for a plan that is
    ///   not the employee's.
    func writeInterviewRecord(
        _ interviewID: String, _ body: InterviewRecordBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> FeedbackInterviewResponse {
        let stored = try await visibleInterview(interviewID, forUpdate: true, to: principal, on: connection)
        var interview = stored.interview
        guard !interview.isCompleted else {
            throw Problem.conflict("A completed feedback interview cannot be changed.")
        }
        let document: FeedbackInterviewDocument
        if principal.isSelf(interview.managerID) {
            if body.present.contains("employee_view") {
                throw Problem.validation(field: "employee_view", "The employee writes their own view.")
            }
            guard let heldOn = body.heldOn else { throw Problem.validation(field: "held_on", "is required") }
            let record = FeedbackInterviewRecord(
                heldOn: heldOn, achievementsAffirmed: body.achievementsAffirmed ?? [], gapsIdentified: body.gapsIdentified ?? [],
                employeeView: stored.document?.employeeView, agreedActions: body.agreedActions ?? [],
                developmentNeeds: body.developmentNeeds ?? [], nextCycleGoals: body.nextCycleGoals ?? [],
                improvementPlanID: body.improvementPlanID)
            document = FeedbackInterviewDocument(record, recordedBy: principal.subject)
        } else if principal.isSelf(interview.employeeID) {
            if let other = body.present.first(where: { $0 != "employee_view" }) {
                throw Problem.validation(field: other, "The manager writes this; the employee writes only employee_view.")
            }
            guard body.present.contains("employee_view") else {
                throw Problem.validation(field: "employee_view", "is required")
            }
            guard var existing = stored.document else {
                throw Problem.conflict("The manager records the interview before the employee adds their view.")
            }
            existing.employeeView = body.employeeView
            document = existing
        } else {
            throw Problem.forbidden("Only the manager holding the interview and the employee write its record.")
        }
        let violations = FeedbackInterviewRules.violations(of: document.record, finalizedOn: interview.finalizedOn, today: today)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        if let planID = document.record.improvementPlanID, principal.isSelf(interview.managerID) {
            guard try await planStore.plan(planID, on: connection)?.plan.employeeID == interview.employeeID else {
                throw CoachingRuleViolation(
                    .unprocessable, field: "improvement_plan_id", "\(interview.employeeID) has no improvement plan \(planID).")
            }
        }
        try interview.write(document.record, today: today)
        try await Audit.identify(actor: principal.subject, action: "record-feedback-interview", on: connection)
        try await interviewStore.saveRecord(document, of: interviewID, on: connection)
        CoachingMetrics.recorded("feedback_interview")
        return try await interviewResponse(interviewID, on: connection)
    }

    /// The manager or the employee signs the record off; the second sign-off completes the
    /// interview and emits ``FeedbackInterviewCompleted`` (exactly once: the row is locked, and a
    /// completed interview refuses every change).
    /// - Throws: 404 unless visible, 403 for anyone but the two, 409 before a record, once
    ///   completed, or when that side has already signed.
    func signInterview(_ interviewID: String, by principal: Principal, on connection: PostgresConnection) async throws
        -> FeedbackInterviewResponse
    {
        let stored = try await visibleInterview(interviewID, forUpdate: true, to: principal, on: connection)
        var interview = stored.interview
        let asManager = principal.isSelf(interview.managerID)
        guard asManager || principal.isSelf(interview.employeeID) else {
            throw Problem.forbidden("Only the manager holding the interview and the employee sign it off.")
        }
        let time = now
        let completed = try interview.signOff(by: principal.subject, on: CalendarDate(utc: time))
        try await Audit.identify(actor: principal.subject, action: "sign-feedback-interview", on: connection)
        try await interviewStore.sign(interviewID, manager: asManager, at: time, completedAt: completed ? time : nil, on: connection)
        if completed, let document = stored.document {
            try await outbox.enqueue(
                FeedbackInterviewCompleted(
                    interviewID: interviewID, employeeID: interview.employeeID, managerID: interview.managerID,
                    actorID: document.recordedBy, cycleID: interview.cycleID, appraisalID: interview.appraisalID,
                    heldOn: document.heldOn, agreements: document.agreedActions,
                    improvementPlanID: document.improvementPlanID, nextCycleGoalSuggestions: document.nextCycleGoals),
                on: connection)
        }
        CoachingMetrics.recorded("feedback_interview")
        return try await interviewResponse(interviewID, on: connection)
    }

    /// The manager or the employee moves the interview to another day within its window, while
    /// nothing is recorded yet.
    /// - Parameter day: the new day, read once the caller may move the interview.
    /// - Throws: 404 unless visible, 403 for anyone but the two, 409 once recorded, 400
    ///   (`scheduled_on`) for a missing or malformed day or one outside the window.
    func rescheduleInterview(
        _ interviewID: String, by principal: Principal, on connection: PostgresConnection, to day: () throws -> CalendarDate
    ) async throws -> FeedbackInterviewResponse {
        var interview = try await visibleInterview(interviewID, forUpdate: true, to: principal, on: connection).interview
        guard principal.isSelf(interview.managerID) || principal.isSelf(interview.employeeID) else {
            throw Problem.forbidden("Only the manager holding the interview and the employee may move it.")
        }
        try interview.reschedule(to: try day(), today: today, window: settings.interviewWindow)
        try await Audit.identify(actor: principal.subject, action: "reschedule-feedback-interview", on: connection)
        try await interviewStore.reschedule(interviewID, to: interview.scheduledOn, on: connection)
        return try await interviewResponse(interviewID, on: connection)
    }

    /// One interview, for whoever may see it.
    /// - Throws: 404 for an interview that does not exist or that the caller may not see.
    func feedbackInterview(_ interviewID: String, for principal: Principal, on connection: PostgresConnection) async throws
        -> FeedbackInterviewResponse
    {
        FeedbackInterviewResponse(try await visibleInterview(interviewID, forUpdate: false, to: principal, on: connection))
    }

    /// An employee's interviews, newest first.
    /// - Throws: 404 when the caller may not see the employee's records.
    func feedbackInterviews(
        of employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<FeedbackInterviewResponse> {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        let after = try page.cursorKey(as: String.self)
        let rows = try await interviewStore.interviews(of: employeeID, after: after, limit: page.fetchLimit, on: connection)
        return try Page(rows: rows.map(FeedbackInterviewResponse.init), request: page, key: \.interviewID)
    }

    /// The interview, locked when `forUpdate`, if the caller may see it (the employee, their
    /// reporting line, HR, the manager holding it).
    private func visibleInterview(
        _ interviewID: String, forUpdate: Bool, to principal: Principal, on connection: PostgresConnection
    ) async throws -> InterviewStore.StoredInterview {
        let notFound = Problem.notFound("No feedback interview \(interviewID) is visible to you.")
        guard let stored = try await interviewStore.interview(interviewID, forUpdate: forUpdate, on: connection) else {
            throw notFound
        }
        let relation = try await access.relation(
            of: principal, toRecordAbout: stored.interview.employeeID, authoredBy: stored.interview.managerID, on: connection)
        guard RecordAccess.canSee(relation) else { throw notFound }
        return stored
    }

    private func interviewResponse(_ interviewID: String, on connection: PostgresConnection) async throws
        -> FeedbackInterviewResponse
    {
        guard let stored = try await interviewStore.interview(interviewID, on: connection) else {
            throw Problem.notFound("No feedback interview \(interviewID).")
        }
        return FeedbackInterviewResponse(stored)
    }
}
