import StrideContracts

/// What the demo's improvement plan says and how it goes: three measurable objectives, real
/// support, three checkpoints four weeks apart that show slow progress, one extension of six
/// weeks with two more checkpoints, and success. Plain data; the step decides who does what.
enum PlanScenario {
    /// How many days before today the plan started: its whole life lies in the past, so every
    /// review and decision can carry its own day (the service accepts days up to today).
    static let startedDaysAgo = 133
    /// Days from the start to each of the plan's first checkpoints; the last is its end date.
    static let checkpointDays = [28, 56, 84]
    /// Days from the original end date to each checkpoint of the extension; the last is the new end.
    static let extensionCheckpointDays = [21, 42]

    static let reason = "Agreed goals far behind pace this year; commitments missed three months in a row."

    static let objectives: [PlanDraftBody.Objective] = [
        .init(
            description: "Deliver committed work on the agreed dates",
            successMeasure: "At least 9 of 10 sprint commitments met over four sprints"),
        .init(
            description: "Answer review requests and colleagues' questions promptly",
            successMeasure: "Median reply within one working day, measured weekly"),
        .init(
            description: "Hand work over completely before leave or a rotation",
            successMeasure: "No handover gaps reported in two consecutive handovers"),
    ]

    static let support: [PlanDraftBody.Support] = [
        .init(kind: "training", detail: "Two-day workshop on planning and estimation"),
        .init(kind: "mentoring", detail: "Weekly 30-minute session with a senior colleague"),
        .init(kind: "resources", detail: "Four hours a week kept free of meetings for planned work"),
    ]

    /// One checkpoint review: the verdict, objectives met so far, the reviewer's notes.
    struct Review: Sendable {
        var assessment: CheckpointAssessment
        var objectivesMet: Int
        var notes: String
    }

    /// The reviews of the first three checkpoints: behind, then catching up, but not there yet.
    static let firstReviews: [Review] = [
        Review(assessment: .offTrack, objectivesMet: 0, notes: "Two commitments slipped; replies still take three days."),
        Review(assessment: .needsAttention, objectivesMet: 1, notes: "Commitments met two sprints running; replies down to two days."),
        Review(assessment: .needsAttention, objectivesMet: 2, notes: "Commitments and replies on target; handovers still incomplete."),
    ]

    static let extensionReason = "Two of three objectives met; six more weeks, with the mentor, to show complete handovers."

    /// The reviews of the extension's checkpoints.
    static let extensionReviews: [Review] = [
        Review(assessment: .onTrack, objectivesMet: 2, notes: "First handover complete and documented."),
        Review(assessment: .onTrack, objectivesMet: 3, notes: "Second handover complete; all three objectives met."),
    ]

    static let successReason = "All three objectives met and held for six weeks."

    /// The second plan's reviews, one per checkpoint: little moves, despite the support.
    static let failingReviews: [Review] = [
        Review(assessment: .offTrack, objectivesMet: 0, notes: "Three commitments slipped; review requests unanswered for a week."),
        Review(assessment: .offTrack, objectivesMet: 1, notes: "Replies within a day now; commitments still missed every sprint."),
        Review(assessment: .offTrack, objectivesMet: 1, notes: "No progress on commitments or handovers despite the mentoring."),
    ]

    static let failureReason = "One of three objectives met by the end date; commitments and handovers did not improve despite the support."
}
