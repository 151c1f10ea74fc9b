import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var reviews: ReviewStore { ReviewStore(schema: schema) }

    /// A review, for its reviewer only — and HR, who sees everything except reviews about
    /// themselves. Everyone else, the reviewee and their manager included, gets 404: they see
    /// peer and upward results only in aggregate, through the appraisal.
    func review(_ reviewID: String, for principal: Principal, on connection: PostgresConnection) async throws -> ReviewRecord {
        guard let review = try await reviews.review(reviewID, on: connection),
            review.reviewerID == principal.subject || (principal.isHR && !principal.isSelf(review.employeeID))
        else { throw Problem.notFound("No review \(reviewID).") }
        return review
    }

    /// The caller's own review assignments.
    func assignments(
        of principal: Principal, cycleID: String?, status: ReviewStatus?, page: PageRequest, on connection: PostgresConnection
    ) async throws -> Page<ReviewRecord> {
        let rows = try await reviews.assignments(
            of: principal.subject, cycleID: cycleID, status: status, after: try page.cursorKey(as: String.self), limit: page.fetchLimit,
            on: connection)
        return try Page(rows: rows, request: page, key: \.reviewID)
    }

    /// Saves a draft of, or submits, the caller's review. A submitted review is final and
    /// announced (``ReviewSubmitted``: ratings only, and the ratings and reviewer only for
    /// `manager` and `self` reviews: of a peer, upward or external review only the fact is
    /// published, so no single anonymous rater's numbers reach the stream — a group below the
    /// minimum would otherwise give them away).
    /// - Throws: 404 unless the caller is the reviewer; 409 when the review is no longer open or
    ///   its phase is over (``CyclePhases/canSubmitReview(of:in:)``); 400 naming the field, 422
    ///   when a submission leaves competencies unrated (``ReviewContent/violations(of:terms:submitting:)``).
    func writeReview(
        _ reviewID: String, _ content: ReviewContent, submit: Bool, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ReviewRecord {
        var review = try await openReview(reviewID, of: principal, on: connection)
        let violations = ReviewContent.violations(of: content, terms: review.terms, submitting: submit)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: submit ? "submit_review" : "draft_review", on: connection)
        try await reviews.write(reviewID, content: content, submit: submit, on: connection)
        review.content = content
        review.status = submit ? .submitted : .draft
        if submit {
            review.submittedAt = now
            let named = review.raterGroup == .manager || review.raterGroup == .selfReview
            try await outbox.enqueue(
                ReviewSubmitted(
                    reviewID: named ? review.reviewID : nil, cycleID: review.cycleID, employeeID: review.employeeID,
                    raterGroup: review.raterGroup, reviewerID: named ? review.reviewerID : nil, competencyRatings: named ? content.ratings : [],
                    overallLevel: named ? content.overallLevel : nil, scaleMaximum: review.terms.scale.maximum),
                on: connection)
            AppraisalMetrics.reviewed("submitted")
        }
        return review
    }

    /// Declines the caller's review, with a reason. The self review and the manager's cannot be
    /// declined: the appraisal rests on them.
    /// - Throws: 404 unless the caller is the reviewer; 409 when it is closed or may not be
    ///   declined; 400 naming `reason`.
    func declineReview(_ reviewID: String, reason: String, by principal: Principal, on connection: PostgresConnection) async throws -> ReviewRecord {
        var review = try await openReview(reviewID, of: principal, on: connection)
        guard review.raterGroup != .selfReview, review.raterGroup != .manager else {
            throw Problem.conflict("A \(review.raterGroup.rawValue) review cannot be declined; the appraisal rests on it.")
        }
        let violations = DeclineReason.violations(of: reason)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "decline_review", on: connection)
        try await reviews.decline(reviewID, reason: reason, on: connection)
        review.status = .declined
        review.declineReason = reason
        AppraisalMetrics.reviewed("declined")
        return review
    }

    /// The caller's review, locked, still open and in its phase.
    private func openReview(_ reviewID: String, of principal: Principal, on connection: PostgresConnection) async throws -> ReviewRecord {
        guard let review = try await reviews.review(reviewID, forUpdate: true, on: connection), review.reviewerID == principal.subject else {
            throw Problem.notFound("No review \(reviewID).")
        }
        guard review.isOpen else { throw Problem.conflict("The review is \(review.status.rawValue); it can no longer change.") }
        guard CyclePhases.canSubmitReview(of: review.raterGroup, in: review.phase) else {
            throw Problem.conflict("The cycle is in its \(review.phase.rawValue) phase; \(review.raterGroup.rawValue) reviews are closed.")
        }
        return review
    }
}
