import Foundation
import StrideContracts

/// One recorded progress update of a goal: its history line.
public struct ProgressEntry: Sendable, Equatable, Codable {
    public var progressID: String
    public var goalID: String
    public var actorID: String
    public var origin: ProgressOrigin
    public var keyResultID: String?
    @OptionalDecimalString public var previousValue: Decimal?
    @OptionalDecimalString public var currentValue: Decimal?
    public var milestoneDone: Bool?
    @DecimalString public var previousProgressPercent: Decimal
    @DecimalString public var progressPercent: Decimal
    public var comment: String?
    public var evidenceURL: String?
    public var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case progressID = "progress_id"
        case goalID = "goal_id"
        case actorID = "actor_id"
        case origin
        case keyResultID = "key_result_id"
        case previousValue = "previous_value"
        case currentValue = "current_value"
        case milestoneDone = "milestone_done"
        case previousProgressPercent = "previous_progress_percent"
        case progressPercent = "progress_percent"
        case comment
        case evidenceURL = "evidence_url"
        case recordedAt = "recorded_at"
    }
}
