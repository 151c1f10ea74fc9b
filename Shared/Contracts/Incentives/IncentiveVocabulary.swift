/// What an incentive recommendation is about.
/// JSON: `merit`, `bonus`, `promotion`, `development_action`, `consequence_review`.
public enum RecommendationKind: String, Codable, Sendable, CaseIterable {
    /// A base salary increase from the merit matrix.
    case merit
    /// A one-off bonus from the bonus plan.
    case bonus
    /// A move to a higher job level.
    case promotion
    /// A development action for a competency gap.
    case developmentAction = "development_action"
    /// A review of consequences by HR.
    case consequenceReview = "consequence_review"
}

/// A kind of development action.
/// JSON: `training`, `mentoring`, `coaching`, `stretch_assignment`, `job_rotation`.
public enum DevelopmentActionKind: String, Codable, Sendable, CaseIterable {
    /// A course or training.
    case training
    /// Pairing with a mentor.
    case mentoring
    /// Sessions with a coach.
    case coaching
    /// A project beyond the current role.
    case stretchAssignment = "stretch_assignment"
    /// Time in another team.
    case jobRotation = "job_rotation"
}

/// Why a consequence review is required.
/// JSON: `failed_improvement_plan`, `repeated_low_rating`.
public enum ConsequenceTrigger: String, Codable, Sendable, CaseIterable {
    /// An improvement plan closed as failed.
    case failedImprovementPlan = "failed_improvement_plan"
    /// The lowest rating in consecutive cycles.
    case repeatedLowRating = "repeated_low_rating"
}
