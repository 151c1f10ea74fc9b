/// A reviewer was asked to review an employee (`stride.appraisal.v1`, key reviewee's employee id).
public struct ReviewRequested: StrideEvent {
    public static let eventType = "stride.appraisal.review.requested.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The review.
    public var reviewID: String
    /// The cycle.
    public var cycleID: String
    /// The reviewee.
    public var employeeID: String
    /// The reviewer.
    public var reviewerID: String
    /// The reviewer's relationship to the reviewee.
    public var raterGroup: RaterGroup
    /// The deadline.
    public var dueDate: CalendarDate
    /// Who requested it (HR, the manager, or the cycle's automation).
    public var actorID: String

    /// Creates the event.
    public init(
        reviewID: String, cycleID: String, employeeID: String, reviewerID: String, raterGroup: RaterGroup,
        dueDate: CalendarDate, actorID: String
    ) {
        self.reviewID = reviewID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.reviewerID = reviewerID
        self.raterGroup = raterGroup
        self.dueDate = dueDate
        self.actorID = actorID
    }

    private enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case reviewerID = "reviewer_id"
        case raterGroup = "rater_group"
        case dueDate = "due_date"
        case actorID = "actor_id"
    }
}

/// A review was submitted (`stride.appraisal.v1`, key reviewee's employee id).
///
/// - Important: Ratings only, never free text. `review_id`, `reviewer_id` and the ratings are
///   present only for the `manager` and `self` groups; of a peer, upward or external review only
///   the fact of it is published, so anonymous raters stay anonymous downstream (a review id would
///   link ratings to the reviewer its ``ReviewRequested`` named, and a group of one or two would
///   give its raters' numbers away).
public struct ReviewSubmitted: StrideEvent {
    public static let eventType = "stride.appraisal.review.submitted.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The review, for `manager` and `self` reviews only.
    public var reviewID: String?
    /// The cycle.
    public var cycleID: String
    /// The reviewee.
    public var employeeID: String
    /// The reviewer's relationship to the reviewee.
    public var raterGroup: RaterGroup
    /// The reviewer, for `manager` and `self` reviews only.
    public var reviewerID: String?
    /// One rating per competency the reviewer rated, for `manager` and `self` reviews; empty
    /// for peer, upward and external reviews, whose ratings reach readers only in aggregate
    /// through the appraisal's score (one rater's numbers would identify them).
    public var competencyRatings: [CompetencyRating]
    /// The reviewer's overall level, if the template asks for one (`manager` and `self` only).
    public var overallLevel: Int?
    /// The highest level of the template's scale.
    public var scaleMaximum: Int

    /// Creates the event.
    public init(
        reviewID: String?, cycleID: String, employeeID: String, raterGroup: RaterGroup, reviewerID: String?,
        competencyRatings: [CompetencyRating], overallLevel: Int?, scaleMaximum: Int
    ) {
        self.reviewID = reviewID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.raterGroup = raterGroup
        self.reviewerID = reviewerID
        self.competencyRatings = competencyRatings
        self.overallLevel = overallLevel
        self.scaleMaximum = scaleMaximum
    }

    private enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case raterGroup = "rater_group"
        case reviewerID = "reviewer_id"
        case competencyRatings = "competency_ratings"
        case overallLevel = "overall_level"
        case scaleMaximum = "scale_max"
    }
}
