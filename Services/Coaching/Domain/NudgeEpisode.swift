import Foundation

/// A goal's at-risk episode as Coaching remembers it (one row per goal): whether an episode is
/// open, and the last event applied, so that redelivered and out-of-date events change nothing.
public struct NudgeEpisode: Sendable, Hashable {
    /// Whether the goal is in an at-risk episode (its manager has been nudged).
    public var isOpen: Bool
    /// The id of the last event applied.
    public var lastEventID: String?
    /// The time of the last event applied.
    public var lastEventAt: Date?

    /// Creates a state.
    /// - Parameters:
    ///   - isOpen: whether an episode is open.
    ///   - lastEventID: the last event applied.
    ///   - lastEventAt: its time.
    public init(isOpen: Bool = false, lastEventID: String? = nil, lastEventAt: Date? = nil) {
        self.isOpen = isOpen
        self.lastEventID = lastEventID
        self.lastEventAt = lastEventAt
    }

    /// A goal Coaching has heard nothing about.
    public static let initial = NudgeEpisode()
}

/// What the nudge rule made of an event. JSON: snake_case of the case name.
public enum NudgeVerdict: String, Sendable, CaseIterable {
    /// A new at-risk episode: nudge the manager and put the goal on the next 1:1's agenda.
    case nudge
    /// At risk again within the open episode: no new nudge.
    case alreadyNudged = "already_nudged"
    /// Back on track: the episode is closed; the next ``GoalAtRisk`` nudges again.
    case episodeClosed = "episode_closed"
    /// Back on track with no open episode: nothing to do.
    case nothingOpen = "nothing_open"
    /// The same event again (redelivery): nothing to do.
    case duplicate
    /// Older than the last event applied: nothing to do.
    case stale
}

/// The outcome of applying one event: the state to store and the verdict.
public struct NudgeDecision: Sendable, Hashable {
    /// The state after the event.
    public var episode: NudgeEpisode
    /// What to do.
    public var verdict: NudgeVerdict

    /// Whether a new nudge is due.
    public var shouldNudge: Bool { verdict == .nudge }

    /// Creates a decision.
    /// - Parameters:
    ///   - episode: the state after the event.
    ///   - verdict: what to do.
    public init(episode: NudgeEpisode, verdict: NudgeVerdict) {
        self.episode = episode
        self.verdict = verdict
    }
}

/// The nudge rule: once per at-risk episode, cleared when the goal is back on track, and
/// idempotent under redelivery.
///
/// | state | event | verdict | state after |
/// |---|---|---|---|
/// | any | same id as the last applied | duplicate | unchanged |
/// | any | older than the last applied | stale | unchanged |
/// | closed | at risk | nudge | open |
/// | open | at risk | already nudged | open |
/// | open | back on track | episode closed | closed |
/// | closed | back on track | nothing open | closed |
///
/// Applied events record their id and time. An event exactly as old as the last one applied
/// (a different id at the same instant) is applied.
public enum NudgeRule {
    /// Applies `observation` to `episode`.
    /// - Parameters:
    ///   - observation: the goal event.
    ///   - episode: the goal's state before it.
    /// - Returns: the new state and what to do.
    public static func apply(_ observation: GoalRiskObservation, to episode: NudgeEpisode) -> NudgeDecision {
        if observation.eventID == episode.lastEventID {
            return NudgeDecision(episode: episode, verdict: .duplicate)
        }
        if let last = episode.lastEventAt, observation.occurredAt < last {
            return NudgeDecision(episode: episode, verdict: .stale)
        }
        let verdict: NudgeVerdict
        switch (episode.isOpen, observation.signal) {
        case (false, .atRisk): verdict = .nudge
        case (true, .atRisk): verdict = .alreadyNudged
        case (true, .backOnTrack): verdict = .episodeClosed
        case (false, .backOnTrack): verdict = .nothingOpen
        }
        let after = NudgeEpisode(
            isOpen: observation.signal == .atRisk, lastEventID: observation.eventID,
            lastEventAt: observation.occurredAt)
        return NudgeDecision(episode: after, verdict: verdict)
    }
}
