import Foundation
import StrideContracts

/// What an event from `stride.goals.v1` says about a goal's at-risk episode. JSON: `at_risk`,
/// `back_on_track`.
public enum GoalRiskSignal: String, Codable, Sendable, CaseIterable {
    /// ``GoalAtRisk`` arrived: the goal fell behind pace.
    case atRisk = "at_risk"
    /// The goal caught up, or stopped being worked on (completed or cancelled): the episode ends.
    case backOnTrack = "back_on_track"

    /// The signal a progress update gives: back on track once progress reaches what was expected
    /// when the goal was flagged, else none (still at risk, or nothing to say).
    /// - Parameters:
    ///   - progressPercent: the goal's progress after the update (``GoalProgressRecorded``).
    ///   - expectedPercentWhenFlagged: the expected progress in the ``GoalAtRisk`` that opened
    ///     the episode, or `nil` when no episode is open.
    public static func afterProgress(progressPercent: Decimal, expectedPercentWhenFlagged: Decimal?) -> GoalRiskSignal? {
        guard let expected = expectedPercentWhenFlagged, progressPercent >= expected else { return nil }
        return .backOnTrack
    }

    /// The signal a status change gives: a completed or cancelled goal ends its episode.
    /// - Parameter status: the goal's status after the change (``GoalStatusChanged``).
    public static func afterStatusChange(to status: GoalStatus) -> GoalRiskSignal? {
        switch status {
        case .completed, .cancelled: .backOnTrack
        case .draft, .submitted, .returned, .approved, .active: nil
        }
    }
}

/// One goal event as the nudge rule sees it: its envelope id and time, and its signal.
public struct GoalRiskObservation: Sendable, Hashable {
    /// The event's id (`ce_id`).
    public var eventID: String
    /// The event's time (`ce_time`).
    public var occurredAt: Date
    /// What it says.
    public var signal: GoalRiskSignal

    /// Creates an observation.
    /// - Parameters:
    ///   - eventID: the event's id.
    ///   - occurredAt: the event's time.
    ///   - signal: what it says.
    public init(eventID: String, occurredAt: Date, signal: GoalRiskSignal) {
        self.eventID = eventID
        self.occurredAt = occurredAt
        self.signal = signal
    }
}
