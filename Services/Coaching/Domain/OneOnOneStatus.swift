/// Where a 1:1 meeting is. JSON: `scheduled`, `completed`, `cancelled`.
///
/// scheduled → completed (held; emits ``OneOnOneCompleted``) or cancelled. Both ends are final.
public enum OneOnOneStatus: String, Codable, Sendable, CaseIterable {
    /// Planned; the agenda and action items are open for both sides.
    case scheduled
    /// Held. Notes may still be written up; the agenda and action items are what was agreed.
    case completed
    /// Called off. Nothing more may be added.
    case cancelled
}

/// Which side of a 1:1 someone is on.
public enum OneOnOneParticipant: String, Codable, Sendable, CaseIterable {
    /// The manager.
    case manager
    /// The report.
    case employee
}
