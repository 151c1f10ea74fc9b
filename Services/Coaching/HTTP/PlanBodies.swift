import Foundation
import StrideContracts
import StrideRuntime

/// `POST /v1/improvement-plans`: the manager's draft. Objective and checkpoint ids may be left
/// out (`o1`, `o2`, … and `c1`, `c2`, … by position).
struct PlanDraftBody: Decodable {
    var employeeID: String
    var hrPartnerID: String?
    var appraisalID: String?
    var reason: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var objectives: [PlanObjectiveBody]
    var support: [PlanSupportBody]
    var checkpoints: [PlanCheckpointBody]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PlanFieldKeys.self)
        employeeID = try container.planIdentifier(forKey: .employeeID)
        hrPartnerID = try container.planIdentifierIfPresent(forKey: .hrPartnerID)
        appraisalID = try container.planIdentifierIfPresent(forKey: .appraisalID)
        reason = try container.decode(String.self, forKey: .reason)
        startsOn = try container.decode(CalendarDate.self, forKey: .startsOn)
        endsOn = try container.decode(CalendarDate.self, forKey: .endsOn)
        objectives = try container.decode([PlanObjectiveBody].self, forKey: .objectives)
        support = try container.decode([PlanSupportBody].self, forKey: .support)
        checkpoints = try container.decode([PlanCheckpointBody].self, forKey: .checkpoints)
    }
}

/// `PATCH /v1/improvement-plans/{planID}`: fields left out stay; `null` clears `hr_partner_id`
/// and `appraisal_id`. `version` is required: the plan's current version.
struct PlanPatchBody: Decodable {
    var version: Int
    var hrPartnerID: String??
    var appraisalID: String??
    var reason: String?
    var startsOn: CalendarDate?
    var endsOn: CalendarDate?
    var objectives: [PlanObjectiveBody]?
    var support: [PlanSupportBody]?
    var checkpoints: [PlanCheckpointBody]?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PlanFieldKeys.self)
        func clearable(_ key: PlanFieldKeys) throws -> String?? {
            guard container.contains(key) else { return nil }
            return .some(try container.planIdentifierIfPresent(forKey: key))
        }
        do {
            version = try container.decode(Int.self, forKey: .version)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "must be the plan's current version as a whole number, e.g. 1")
        }
        hrPartnerID = try clearable(.hrPartnerID)
        appraisalID = try clearable(.appraisalID)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        startsOn = try container.decodeIfPresent(CalendarDate.self, forKey: .startsOn)
        endsOn = try container.decodeIfPresent(CalendarDate.self, forKey: .endsOn)
        objectives = try container.decodeIfPresent([PlanObjectiveBody].self, forKey: .objectives)
        support = try container.decodeIfPresent([PlanSupportBody].self, forKey: .support)
        checkpoints = try container.decodeIfPresent([PlanCheckpointBody].self, forKey: .checkpoints)
    }

    /// The draft with the patch applied.
    func applied(to draft: ImprovementPlanDraft) -> ImprovementPlanDraft {
        var next = draft
        if let hrPartnerID { next.hrPartnerID = hrPartnerID }
        if let appraisalID { next.appraisalID = appraisalID }
        if let reason { next.reason = reason }
        if let startsOn { next.startsOn = startsOn }
        if let endsOn { next.endsOn = endsOn }
        if let objectives { next.objectives = PlanObjectiveBody.objectives(objectives) }
        if let support { next.support = support.map(\.offer) }
        if let checkpoints { next.checkpoints = PlanCheckpointBody.checkpoints(checkpoints) }
        return next
    }
}

/// `{"objective_id"?, "description", "success_measure"}`.
struct PlanObjectiveBody: Decodable {
    var objectiveID: String?
    var description: String
    var successMeasure: String

    enum CodingKeys: String, CodingKey {
        case objectiveID = "objective_id"
        case description
        case successMeasure = "success_measure"
    }

    static func objectives(_ bodies: [PlanObjectiveBody]) -> [ImprovementObjective] {
        bodies.enumerated().map { index, body in
            ImprovementObjective(
                objectiveID: body.objectiveID ?? "o\(index + 1)", description: body.description,
                successMeasure: body.successMeasure)
        }
    }
}

/// `{"kind": "training" | "mentoring" | "resources", "detail"}`.
struct PlanSupportBody: Decodable {
    var kind: SupportKind
    var detail: String

    var offer: SupportOffer { SupportOffer(kind: kind, detail: detail) }
}

/// `{"checkpoint_id"?, "due_on"}`.
struct PlanCheckpointBody: Decodable {
    var checkpointID: String?
    var dueOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case checkpointID = "checkpoint_id"
        case dueOn = "due_on"
    }

    /// Checkpoints numbered from `first` where no id is given.
    static func checkpoints(_ bodies: [PlanCheckpointBody], numberedFrom first: Int = 1) -> [PlanCheckpoint] {
        bodies.enumerated().map { index, body in
            PlanCheckpoint(checkpointID: body.checkpointID ?? "c\(first + index)", dueOn: body.dueOn)
        }
    }
}

/// `POST …/checkpoints/{checkpointID}/review`: `{"assessment", "objectives_met", "notes"?, "reviewed_on"?}`
/// (`reviewed_on` defaults to today).
struct CheckpointReviewBody: Decodable {
    var assessment: CheckpointAssessment
    var objectivesMet: Int
    var notes: String?
    var reviewedOn: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case assessment
        case objectivesMet = "objectives_met"
        case notes
        case reviewedOn = "reviewed_on"
    }
}

/// `POST …/close`: `{"outcome", "reason", "extended_until"?, "checkpoints"?, "objectives_met"?, "closed_on"?}`
/// (`closed_on` defaults to today; `objectives_met` to the latest checkpoint review's, or 0).
struct PlanClosingBody: Decodable {
    var outcome: ImprovementPlanOutcome
    var reason: String
    var extendedUntil: CalendarDate?
    var checkpoints: [PlanCheckpointBody]?
    var objectivesMet: Int?
    var closedOn: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case outcome, reason
        case extendedUntil = "extended_until"
        case checkpoints
        case objectivesMet = "objectives_met"
        case closedOn = "closed_on"
    }
}

/// The keys of a plan draft or patch.
enum PlanFieldKeys: String, CodingKey {
    case version
    case employeeID = "employee_id"
    case hrPartnerID = "hr_partner_id"
    case appraisalID = "appraisal_id"
    case reason
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case objectives, support, checkpoints
}

extension KeyedDecodingContainer {
    /// A required id field; empty or only whitespace is a 400 naming it.
    fileprivate func planIdentifier(forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        if value.allSatisfy(\.isWhitespace) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must name an id, not be empty or only whitespace")
        }
        return value
    }

    /// An optional id field: nil when absent or null; empty or only whitespace is a 400 naming it.
    fileprivate func planIdentifierIfPresent(forKey key: Key) throws -> String? {
        guard try decodeIfPresent(String.self, forKey: key) != nil else { return nil }
        return try planIdentifier(forKey: key)
    }
}
