import StrideContracts

/// Feedback one person gives another.
public struct FeedbackSubmission: Sendable, Hashable {
    /// Who gives it (from the token).
    public var giverID: String
    /// Who receives it. JSON: `recipient_id`.
    public var recipientID: String
    /// Praise or constructive. JSON: `kind`.
    public var kind: FeedbackKind
    /// Who may read it. JSON: `audience`.
    public var audience: FeedbackAudience
    /// The feedback. JSON: `message`.
    public var message: String
    /// The goal it concerns, if any. JSON: `goal_id`.
    public var goalID: String?
    /// The competency it concerns, if any. JSON: `competency_id`.
    public var competencyID: String?

    /// Creates a submission.
    /// - Parameters:
    ///   - giverID: the giver.
    ///   - recipientID: the recipient.
    ///   - kind: praise or constructive.
    ///   - audience: who may read it.
    ///   - message: the text.
    ///   - goalID: the goal it concerns.
    ///   - competencyID: the competency it concerns.
    public init(
        giverID: String, recipientID: String, kind: FeedbackKind, audience: FeedbackAudience, message: String,
        goalID: String? = nil, competencyID: String? = nil
    ) {
        self.giverID = giverID
        self.recipientID = recipientID
        self.kind = kind
        self.audience = audience
        self.message = message
        self.goalID = goalID
        self.competencyID = competencyID
    }
}
