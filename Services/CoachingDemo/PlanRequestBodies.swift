import StrideContracts

// The JSON bodies the demo sends to the coaching API's improvement-plan routes
// (deploy/openapi/coaching.yaml), as a client writes them.

/// `POST /v1/improvement-plans`: the manager's draft. Objective and checkpoint ids are left out,
/// so the service numbers them (`o1`, `o2`, … and `c1`, `c2`, …).
struct PlanDraftBody: Encodable, Sendable {
    /// One measurable objective: what must improve, and how success is judged.
    struct Objective: Encodable, Sendable {
        var description: String
        var successMeasure: String

        enum CodingKeys: String, CodingKey {
            case description
            case successMeasure = "success_measure"
        }
    }

    /// One piece of support offered: `training`, `mentoring` or `resources`, and what exactly.
    struct Support: Encodable, Sendable {
        var kind: String
        var detail: String
    }

    var employeeID: String
    var reason: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var objectives: [Objective]
    var support: [Support]
    var checkpoints: [PlanCheckpointBody]

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case reason
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case objectives, support, checkpoints
    }
}

/// A planned checkpoint, `{"due_on"}`; the service gives it the next free id.
struct PlanCheckpointBody: Encodable, Sendable {
    var dueOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case dueOn = "due_on"
    }
}

/// `POST /v1/improvement-plans/{id}/checkpoints/{checkpointID}/review`: the verdict, objectives
/// met so far, notes (required unless on track) and the day of the review.
struct CheckpointReviewBody: Encodable, Sendable {
    var assessment: CheckpointAssessment
    var objectivesMet: Int
    var notes: String?
    var reviewedOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case assessment
        case objectivesMet = "objectives_met"
        case notes
        case reviewedOn = "reviewed_on"
    }
}

/// `POST /v1/improvement-plans/{id}/close`: succeeded, failed, or extended with a new end date and
/// more checkpoints.
struct PlanClosingBody: Encodable, Sendable {
    var outcome: ImprovementPlanOutcome
    var reason: String
    var extendedUntil: CalendarDate?
    var checkpoints: [PlanCheckpointBody]?
    var objectivesMet: Int
    var closedOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case outcome, reason
        case extendedUntil = "extended_until"
        case checkpoints
        case objectivesMet = "objectives_met"
        case closedOn = "closed_on"
    }
}
