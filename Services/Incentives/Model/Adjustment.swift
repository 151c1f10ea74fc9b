import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/recommendations/{id}/adjustments`: a merit recommendation takes `percent`, a bonus
/// `amount` (decimal text in the salary's currency); `reason` always; `justification` when the
/// result is outside the guidelines (HR then decides).
struct AdjustmentBody: Decodable, Sendable {
    @OptionalDecimalString var percent: Decimal?
    @OptionalDecimalString var amount: Decimal?
    var reason: String
    var justification: String?

    enum CodingKeys: String, CodingKey {
        case percent, amount, reason, justification
    }
}

/// `POST /v1/adjustments/{id}/decision`: HR approves or rejects an adjustment outside the guidelines.
struct AdjustmentDecisionBody: Decodable, Sendable {
    enum Decision: String, Decodable, Sendable, CaseIterable {
        case approve, reject
    }

    var decision: Decision
    var comment: String?
}

/// A manager's adjustment of a recommendation: applied at once inside the guidelines, pending
/// HR's decision outside them.
public struct AdjustmentRecord: Encodable, Sendable, Equatable {
    public var adjustmentID: String
    public var recommendationID: String
    public var actorID: String
    @OptionalDecimalString public var previousPercent: Decimal?
    @OptionalDecimalString public var percent: Decimal?
    public var previousAmount: Money
    public var amount: Money
    public var lumpSum: Money
    public var newSalary: Money?
    public var withinGuidelines: Bool
    public var reason: String
    public var justification: String?
    /// `applied`, `pending` or `rejected`.
    public var status: String
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionComment: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case adjustmentID = "adjustment_id"
        case recommendationID = "recommendation_id"
        case actorID = "actor_id"
        case previousPercent = "previous_percent"
        case percent
        case previousAmount = "previous_amount"
        case amount
        case lumpSum = "lump_sum"
        case newSalary = "new_salary"
        case withinGuidelines = "within_guidelines"
        case reason, justification, status
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case decisionComment = "decision_comment"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        adjustmentID = try row.decode("adjustment_id")
        recommendationID = try row.decode("recommendation_id")
        actorID = try row.decode("actor_id")
        previousPercent = try row.decode("previous_percent")
        percent = try row.decode("percent")
        let currency: String = try row.decode("currency")
        previousAmount = Money(amount: try row.decode("previous_amount"), currency: currency)
        amount = Money(amount: try row.decode("amount"), currency: currency)
        lumpSum = Money(amount: try row.decode("lump_sum"), currency: currency)
        newSalary = (try row.decode("new_salary", as: Decimal?.self)).map { Money(amount: $0, currency: currency) }
        withinGuidelines = try row.decode("within_guidelines")
        reason = try row.decode("reason")
        justification = try row.decode("justification")
        status = try row.decode("status")
        decidedBy = try row.decode("decided_by")
        decidedAt = try row.decode("decided_at")
        decisionComment = try row.decode("decision_comment")
        createdAt = try row.decode("created_at")
    }
}
