import Foundation
import StrideContracts
import StrideRuntime

// What the appraisal part reads from the appraisal service's answers: only the fields it uses.

/// A review cycle.
struct CycleView: Decodable, Sendable {
    var cycleID: String
    var name: String
    var phase: CyclePhase
    var participantCount: Int

    enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id"
        case name, phase
        case participantCount = "participant_count"
    }
}

/// A template version.
struct TemplateView: Decodable, Sendable {
    var templateID: String
    var version: Int

    enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case version
    }
}

/// A reviewer's assignment.
struct ReviewView: Decodable, Sendable {
    var reviewID: String
    var appraisalID: String
    var employeeID: String
    var reviewerID: String
    var raterGroup: RaterGroup
    var status: String

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case reviewerID = "reviewer_id"
        case raterGroup = "rater_group"
        case status
    }
}

/// A nominated peer or external rater.
struct NominationView: Decodable, Sendable {
    var reviewID: String
    var raterGroup: RaterGroup
    var status: String

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case raterGroup = "rater_group"
        case status
    }
}

/// The manager's decision on nominations, with each approved external rater's single-use link.
struct DecisionView: Decodable, Sendable {
    struct Link: Decodable, Sendable {
        var reviewID: String
        var externalName: String
        var url: String

        enum CodingKeys: String, CodingKey {
            case reviewID = "review_id"
            case externalName = "external_name"
            case url
        }
    }

    var approved: [String]
    var externalLinks: [Link]

    enum CodingKeys: String, CodingKey {
        case approved
        case externalLinks = "external_links"
    }
}

/// What the external rater's link opens.
struct ExternalFormView: Decodable, Sendable {
    struct Competency: Decodable, Sendable {
        var competencyID: String
        var name: String

        enum CodingKeys: String, CodingKey {
            case competencyID = "competency_id"
            case name
        }
    }

    var employeeName: String
    var dueOn: CalendarDate
    var competencies: [Competency]

    enum CodingKeys: String, CodingKey {
        case employeeName = "employee_name"
        case dueOn = "due_on"
        case competencies
    }
}

/// An appraisal (scores and levels once scored; the employee sees them from release on).
struct AppraisalView: Decodable, Sendable {
    var appraisalID: String
    var employeeID: String
    var managerID: String?
    var department: String
    var status: String
    var version: Int
    var goalScore: String?
    var competencyScore: String?
    var finalScore: String?
    var ratingLevel: Int?
    var potential: TalentLevel?
    var calibrated: Bool
    var acknowledgedVersion: Int?

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case department, status, version
        case goalScore = "goal_score"
        case competencyScore = "competency_score"
        case finalScore = "final_score"
        case ratingLevel = "rating_level"
        case potential, calibrated
        case acknowledgedVersion = "acknowledged_version"
    }
}

/// What scoring a cycle answers.
struct ScoringView: Decodable, Sendable {
    var scored: Int
    var unscoredCount: Int

    enum CodingKeys: String, CodingKey {
        case scored
        case unscoredCount = "unscored_count"
    }
}

/// `GET /v1/appraisals/{id}/score`: the explanation, line by line.
struct ScoreView: Decodable, Sendable {
    struct Explanation: Decodable, Sendable {
        var finalScore: String
        var ratingLevel: Int
        var lines: [String]

        enum CodingKeys: String, CodingKey {
            case finalScore = "final_score"
            case ratingLevel = "rating_level"
            case lines
        }
    }

    var version: Int
    var explanation: Explanation
}

/// A calibration session.
struct SessionView: Decodable, Sendable {
    var sessionID: String
    var name: String
    var status: String

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case name, status
    }
}

/// A session population's distribution against its guideline.
struct DistributionView: Decodable, Sendable {
    struct Cell: Decodable, Sendable {
        var level: Int
        var label: String
        var count: Int
        var actualPercent: String
        var targetPercent: String
        var lowerPercent: String
        var upperPercent: String
        /// `within`, `above` or `below`.
        var status: String

        enum CodingKeys: String, CodingKey {
            case level, label, count
            case actualPercent = "actual_percent"
            case targetPercent = "target_percent"
            case lowerPercent = "lower_percent"
            case upperPercent = "upper_percent"
            case status
        }
    }

    var populationCount: Int
    var unratedCount: Int
    var cells: [Cell]

    enum CodingKeys: String, CodingKey {
        case populationCount = "population_count"
        case unratedCount = "unrated_count"
        case cells
    }
}

/// A session population's nine-box.
struct NineBoxView: Decodable, Sendable {
    struct Cell: Decodable, Sendable {
        var cell: NineBoxCell
        var employeeIDs: [String]

        enum CodingKeys: String, CodingKey {
            case cell
            case employeeIDs = "employee_ids"
        }
    }

    var cells: [Cell]
    var unplaced: Int
}

/// A dispute.
struct DisputeView: Decodable, Sendable {
    var disputeID: String
    var status: String
    var version: Int

    enum CodingKeys: String, CodingKey {
        case disputeID = "dispute_id"
        case status, version
    }
}
