/// Every event type of Stride's public API, grouped by topic in catalog order.
public enum EventCatalog {
    /// All event types. The golden fixtures and `deploy/asyncapi.yaml` are tested against this list.
    public static let all: [any StrideEvent.Type] = [
        // hr.employees.v1
        EmployeeUpserted.self, EmployeeTerminated.self,
        // stride.metrics.v1
        MetricReading.self,
        // stride.goals.v1
        GoalCreated.self, GoalUpdated.self, GoalSubmitted.self, GoalApproved.self, GoalRejected.self,
        GoalProgressRecorded.self, GoalStatusChanged.self, GoalAtRisk.self, GoalBackOnTrack.self, GoalPeriodClosed.self,
        AttainmentFinalized.self,
        // stride.coaching.v1
        CheckInRecorded.self, OneOnOneCompleted.self, FeedbackGiven.self, EvidenceLogged.self,
        ImprovementPlanStarted.self, ImprovementPlanCheckpointReviewed.self, ImprovementPlanClosed.self,
        FeedbackInterviewCompleted.self,
        // stride.appraisal.v1
        CycleOpened.self, ReviewRequested.self, ReviewSubmitted.self, CalibrationDistributionChanged.self,
        AppraisalCalibrated.self, AppraisalFinalized.self, AppraisalAcknowledged.self, AppraisalDisputed.self,
        AppraisalDisputeResolved.self, CycleClosed.self,
        // stride.incentives.v1
        MeritRecommended.self, BonusRecommended.self, PromotionRecommended.self, DevelopmentActionRecommended.self,
        ConsequenceReviewRequired.self, RecommendationAdjusted.self, RecommendationApproved.self,
        // stride.payroll.v1
        CompensationChangeApproved.self, CompensationChangeReversed.self,
    ]

    private static let byName: [String: any StrideEvent.Type] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.eventType, $0) })

    /// The Swift type of the event type called `name`, or `nil` when it is not in the catalog
    /// (for example a type newer than this library: consumers should skip it, not dead-letter it).
    /// - Parameter name: a CloudEvents type such as `stride.goals.goal.created.v1`.
    public static func eventType(named name: String) -> (any StrideEvent.Type)? {
        byName[name]
    }

    /// Every event type name, in catalog order.
    public static var eventTypeNames: [String] {
        all.map { $0.eventType }
    }
}
