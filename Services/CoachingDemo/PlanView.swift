import StrideContracts

/// An improvement plan as the coaching API answers it, as far as the demo reads it.
struct PlanView: Decodable, Sendable {
    /// A checkpoint and, once held, its review.
    struct Checkpoint: Decodable, Sendable {
        var checkpointID: String
        var dueOn: CalendarDate
        var review: Review?

        enum CodingKeys: String, CodingKey {
            case checkpointID = "checkpoint_id"
            case dueOn = "due_on"
            case review
        }
    }

    /// A checkpoint review: who, when, the verdict, objectives met so far, notes.
    struct Review: Decodable, Sendable {
        var reviewerID: String
        var reviewedOn: CalendarDate
        var assessment: CheckpointAssessment
        var objectivesMet: Int
        var notes: String?

        enum CodingKeys: String, CodingKey {
            case reviewerID = "reviewer_id"
            case reviewedOn = "reviewed_on"
            case assessment
            case objectivesMet = "objectives_met"
            case notes
        }
    }

    /// A support offer: its kind and what exactly.
    struct Support: Decodable, Sendable {
        var kind: String
        var detail: String
    }

    var planID: String
    var employeeID: String
    var managerID: String
    /// `draft`, `approved`, `in_progress`, `succeeded` or `failed`.
    var status: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var objectives: [ImprovementObjective]
    var support: [Support]
    var checkpoints: [Checkpoint]
    var approvedBy: String?
    var acknowledgedOn: CalendarDate?
    var extensionCount: Int
    var closedOn: CalendarDate?
    var closingReason: String?

    enum CodingKeys: String, CodingKey {
        case planID = "plan_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case status
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case objectives, support, checkpoints
        case approvedBy = "approved_by"
        case acknowledgedOn = "acknowledged_on"
        case extensionCount = "extension_count"
        case closedOn = "closed_on"
        case closingReason = "closing_reason"
    }
}
