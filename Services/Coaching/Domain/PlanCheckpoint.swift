import StrideContracts

/// A planned review of an improvement plan, and its review once held.
public struct PlanCheckpoint: Sendable, Hashable {
    /// The checkpoint.
    public let checkpointID: String
    /// The day it is planned for.
    public var dueOn: CalendarDate
    /// The review, once held.
    public var review: CheckpointReview?

    /// Creates a checkpoint.
    /// - Parameters:
    ///   - checkpointID: the checkpoint.
    ///   - dueOn: the planned day.
    ///   - review: the review, once held.
    public init(checkpointID: String, dueOn: CalendarDate, review: CheckpointReview? = nil) {
        self.checkpointID = checkpointID
        self.dueOn = dueOn
        self.review = review
    }
}

/// A checkpoint review: on track or not, how many objectives are met, and notes.
public struct CheckpointReview: Sendable, Hashable {
    /// Who reviewed (the manager or the HR partner).
    public var reviewerID: String
    /// The day of the review. JSON: `reviewed_on`.
    public var reviewedOn: CalendarDate
    /// The verdict. JSON: `assessment`.
    public var assessment: CheckpointAssessment
    /// Objectives met so far. JSON: `objectives_met`.
    public var objectivesMet: Int
    /// What the reviewer observed; required unless on track. JSON: `notes`.
    public var notes: String?

    /// Creates a review.
    /// - Parameters:
    ///   - reviewerID: the reviewer.
    ///   - reviewedOn: the day.
    ///   - assessment: the verdict.
    ///   - objectivesMet: objectives met so far.
    ///   - notes: the reviewer's notes.
    public init(
        reviewerID: String, reviewedOn: CalendarDate, assessment: CheckpointAssessment, objectivesMet: Int,
        notes: String?
    ) {
        self.reviewerID = reviewerID
        self.reviewedOn = reviewedOn
        self.assessment = assessment
        self.objectivesMet = objectivesMet
        self.notes = notes
    }
}
