import Foundation
import StrideContracts
import StrideRuntime

/// `{"cadence": "weekly" | "biweekly" | "monthly"}`.
struct CadenceBody: Decodable {
    var cadence: CheckInCadence
}

/// An employee's check-in: `held_on` (default today), `what_moved`, `blockers` (default none),
/// `confidence` 1–5, `goal_ids` (default none).
struct CheckInBody: Decodable {
    var heldOn: CalendarDate?
    var whatMoved: String
    var blockers: [String]?
    var confidence: Int
    var goalIDs: [String]?

    enum CodingKeys: String, CodingKey {
        case heldOn = "held_on"
        case whatMoved = "what_moved"
        case blockers, confidence
        case goalIDs = "goal_ids"
    }

    /// The submission the domain checks, held `today` unless the body says otherwise.
    func submission(today: CalendarDate) -> CheckInSubmission {
        CheckInSubmission(
            heldOn: heldOn ?? today, whatMoved: whatMoved, blockers: blockers ?? [], confidence: confidence,
            goalIDs: goalIDs ?? [])
    }
}

/// `{"reply": "…"}`.
struct ReplyBody: Decodable {
    var reply: String
}
