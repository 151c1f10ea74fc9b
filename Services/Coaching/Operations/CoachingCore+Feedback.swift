import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var feedbackStore: FeedbackStore { FeedbackStore(schema: schema) }

    /// Gives feedback: anyone with a token, to anyone in the org directory but themselves
    /// (``FeedbackRules``). When it answers a feedback request, the giver must be one of the
    /// colleagues the request asks, the recipient its requester, and the answer the first.
    /// Emits ``FeedbackGiven`` — without the text, whatever the audience.
    /// - Throws: 400 naming the field (rules, unknown recipient or request), 422 (a recipient who
    ///   has left, or not the request's requester), 409 (the request already answered).
    func giveFeedback(_ body: NewFeedback, by principal: Principal, on connection: PostgresConnection) async throws -> Feedback {
        let submission = body.submission(by: principal.subject)
        var violations = FeedbackRules.violations(of: submission)
        if let requestID = body.requestID, FieldChecks.isBlank(requestID) {
            violations.append(CoachingRuleViolation(.invalid, field: "request_id", "The request id is empty."))
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard let recipient = try await directory.employee(submission.recipientID, on: connection) else {
            throw Problem.validation(field: "recipient_id", "No employee \(submission.recipientID) in the org directory.")
        }
        guard recipient.status != "terminated" else {
            throw CoachingRuleViolation(.unprocessable, field: "recipient_id", "\(recipient.id) has left the company.")
        }
        if let requestID = body.requestID {
            guard let ask = try await feedbackStore.ask(requestID, of: principal.subject, on: connection) else {
                throw Problem.validation(field: "request_id", "No feedback request \(requestID) asks you for feedback.")
            }
            guard ask.requesterID == submission.recipientID else {
                throw CoachingRuleViolation(
                    .unprocessable, field: "recipient_id",
                    "Request \(requestID) asks for feedback about \(ask.requesterID), not \(submission.recipientID).")
            }
            guard ask.feedbackID == nil else {
                throw CoachingRuleViolation(.conflict, field: "request_id", "You already answered request \(requestID).")
            }
        }
        try await Audit.identify(actor: principal.subject, action: "give_feedback", on: connection)
        let feedback = try await feedbackStore.insert(newID(), submission, requestID: body.requestID, on: connection)
        if let requestID = body.requestID {
            try await feedbackStore.answer(requestID, by: principal.subject, with: feedback.feedbackID, on: connection)
        }
        try await outbox.enqueue(
            FeedbackGiven(
                feedbackID: feedback.feedbackID, employeeID: feedback.recipientID, actorID: feedback.giverID, kind: feedback.kind,
                visibility: feedback.audience.contractVisibility, competencyID: feedback.competencyID, goalID: feedback.goalID,
                message: nil),
            on: connection)
        CoachingMetrics.recorded("feedback")
        return feedback
    }

    /// A page of the feedback about `employeeID` that `principal` may read, newest first: the
    /// audiences ``FeedbackAudience/canSee(_:)`` grants their relation to the employee, and
    /// whatever they gave themselves. Filtered in SQL.
    /// - Throws: 404 when the employee is not in the org directory.
    func feedback(
        about employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<Feedback> {
        guard try await directory.employee(employeeID, on: connection) != nil else {
            throw Problem.notFound("No employee \(employeeID).")
        }
        let relation = try await access.relation(of: principal, toRecordAbout: employeeID, on: connection)
        let audiences = FeedbackAudience.allCases.filter { $0.canSee(relation) }
        let asGiver = FeedbackAudience.allCases.filter { $0.canSee(relation.union(.author)) }
        let rows = try await feedbackStore.about(
            employeeID, audiences: audiences, viewerID: principal.subject, giverAudiences: asGiver,
            after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.feedbackID)
    }

    /// A page of what `principal` gave, newest first.
    func feedback(givenBy principal: Principal, page: PageRequest, on connection: PostgresConnection) async throws -> Page<Feedback> {
        let rows = try await feedbackStore.given(
            by: principal.subject, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.feedbackID)
    }

    /// A page of the kudos wall: public feedback, newest first.
    func kudosWall(page: PageRequest, on connection: PostgresConnection) async throws -> Page<Feedback> {
        let rows = try await feedbackStore.wall(after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.feedbackID)
    }

    /// Asks named colleagues (in the org directory) for feedback about the caller by a date
    /// (``FeedbackRequestRules``).
    /// - Throws: 400 naming the field (rules, `respondent_ids[i]` unknown), 422 (asking oneself).
    func requestFeedback(
        _ body: NewFeedbackRequest, by principal: Principal, on connection: PostgresConnection
    ) async throws -> FeedbackRequestRecord {
        let request = body.request(by: principal.subject)
        let violations = FeedbackRequestRules.violations(of: request, today: today)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        var unknown: [FieldError] = []
        for (index, respondentID) in request.respondentIDs.enumerated()
        where try await directory.employee(respondentID, on: connection) == nil {
            unknown.append(FieldError(field: "respondent_ids[\(index)]", message: "No employee \(respondentID) in the org directory."))
        }
        guard unknown.isEmpty else { throw Problem.validation(unknown) }
        try await Audit.identify(actor: principal.subject, action: "request_feedback", on: connection)
        let record = try await feedbackStore.insert(newID(), request, on: connection)
        CoachingMetrics.recorded("feedback_request")
        return record
    }

    /// A page of the requests asking `principal` that they have not answered yet, newest first.
    func feedbackInbox(of principal: Principal, page: PageRequest, on connection: PostgresConnection) async throws -> Page<FeedbackRequestRecord> {
        let rows = try await feedbackStore.inbox(
            of: principal.subject, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.requestID)
    }

    /// A page of the requests `principal` made, newest first, with whom each asks and who answered.
    func feedbackRequests(of principal: Principal, page: PageRequest, on connection: PostgresConnection) async throws -> Page<FeedbackRequestRecord> {
        let rows = try await feedbackStore.requests(
            by: principal.subject, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.requestID)
    }
}
