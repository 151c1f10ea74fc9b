/// How often a manager and employee check in. JSON: `weekly`, `biweekly`, `monthly`.
public enum CheckInCadence: String, Codable, Sendable, CaseIterable {
    /// Every week.
    case weekly
    /// Every two weeks.
    case biweekly
    /// Every month.
    case monthly
}

/// The tone of feedback. JSON: `praise`, `constructive`.
public enum FeedbackKind: String, Codable, Sendable, CaseIterable {
    /// Recognition of something done well.
    case praise
    /// A suggestion to improve.
    case constructive
}

/// Who may read feedback. JSON: `private`, `shared`.
public enum FeedbackVisibility: String, Codable, Sendable, CaseIterable {
    /// The recipient (and their manager) only; the text is never published.
    case `private`
    /// Visible on the recipient's profile.
    case shared
}

/// What an evidence journal entry records. JSON: `achievement`, `incident`, `customer_feedback`,
/// `metric`, `other`.
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
    /// Something achieved.
    case achievement
    /// Something that went wrong.
    case incident
    /// Feedback from a customer.
    case customerFeedback = "customer_feedback"
    /// An objective measurement.
    case metric
    /// Anything else.
    case other
}

/// A checkpoint's verdict on an improvement plan. JSON: `on_track`, `needs_attention`, `off_track`.
public enum CheckpointAssessment: String, Codable, Sendable, CaseIterable {
    /// Objectives are being met.
    case onTrack = "on_track"
    /// Some objectives are behind.
    case needsAttention = "needs_attention"
    /// The plan is failing.
    case offTrack = "off_track"
}

/// How an improvement plan ended. JSON: `succeeded`, `extended`, `failed`.
public enum ImprovementPlanOutcome: String, Codable, Sendable, CaseIterable {
    /// The objectives were met.
    case succeeded
    /// More time was granted (see `extended_until`).
    case extended
    /// The objectives were not met; Incentives raises a consequence review.
    case failed
}
