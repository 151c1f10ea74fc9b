import Foundation
import StrideContracts
import StrideRuntime

// What the appraisal part sends to the appraisal service's API (README "The appraisal service");
// decimals travel as strings, e.g. "weight_percent": "40".

/// `POST /v1/competencies`.
struct CompetencyBody: Encodable, Sendable {
    struct Anchor: Encodable, Sendable {
        var level: Int
        var text: String
    }

    var competencyID: String
    var name: String
    var description: String
    var anchors: [Anchor]

    enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case name, description, anchors
    }
}

/// `POST /v1/templates`.
struct TemplateBody: Encodable, Sendable {
    struct Terms: Encodable, Sendable {
        var scale: Scale
        var competencies: [Weight]
        var goalWeightPercent: String
        var competencyWeightPercent: String
        var raterGroupWeights: [GroupWeight]
        var minimumAnonymousRaters: Int
        var bands: [Band]
        var meetsExpectationsLevel: Int

        enum CodingKeys: String, CodingKey {
            case scale, competencies
            case goalWeightPercent = "goal_weight_percent"
            case competencyWeightPercent = "competency_weight_percent"
            case raterGroupWeights = "rater_group_weights"
            case minimumAnonymousRaters = "minimum_anonymous_raters"
            case bands
            case meetsExpectationsLevel = "meets_expectations_level"
        }
    }

    struct Scale: Encodable, Sendable {
        var labels: [String]
    }

    struct Weight: Encodable, Sendable {
        var competencyID: String
        var weightPercent: String

        enum CodingKeys: String, CodingKey {
            case competencyID = "competency_id"
            case weightPercent = "weight_percent"
        }
    }

    struct GroupWeight: Encodable, Sendable {
        var group: RaterGroup
        var weightPercent: String

        enum CodingKeys: String, CodingKey {
            case group
            case weightPercent = "weight_percent"
        }
    }

    struct Band: Encodable, Sendable {
        var level: Int
        var minimumScore: String

        enum CodingKeys: String, CodingKey {
            case level
            case minimumScore = "minimum_score"
        }
    }

    var templateID: String
    var name: String
    var jobFamily: String?
    var terms: Terms

    enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case name
        case jobFamily = "job_family"
        case terms
    }
}

/// `POST /v1/cycles`.
struct CycleBody: Encodable, Sendable {
    struct Population: Encodable, Sendable {
        var departments: [String]
        var jobLevels: [String] = []

        enum CodingKeys: String, CodingKey {
            case departments
            case jobLevels = "job_levels"
        }
    }

    var name: String
    var periodID: String
    var templateID: String
    var population: Population
    var schedule: [PhaseSchedule]
    var disputeWindowDays: Int

    enum CodingKeys: String, CodingKey {
        case name
        case periodID = "period_id"
        case templateID = "template_id"
        case population, schedule
        case disputeWindowDays = "dispute_window_days"
    }
}

/// `POST /v1/cycles/{id}/phase`.
struct PhaseBody: Encodable, Sendable {
    var phase: CyclePhase
}

/// A review as a reviewer writes it: `PUT`/`POST …/submit` on `/v1/reviews/{id}` and the external
/// rater's `POST /v1/external-reviews/{token}`.
struct ReviewBody: Encodable, Sendable {
    var ratings: [CompetencyRating]
    var comments: [Comment]
    var overallComment: String?

    struct Comment: Encodable, Sendable {
        var competencyID: String
        var text: String

        enum CodingKeys: String, CodingKey {
            case competencyID = "competency_id"
            case text
        }
    }

    enum CodingKeys: String, CodingKey {
        case ratings, comments
        case overallComment = "overall_comment"
    }
}

/// `POST /v1/appraisals/{id}/nominations`.
struct NominationBody: Encodable, Sendable {
    struct External: Encodable, Sendable {
        var name: String
        var email: String
    }

    var peers: [String]
    var externals: [External]
}

/// `POST /v1/appraisals/{id}/nominations/decision`.
struct DecisionBody: Encodable, Sendable {
    var approve: [String]
}

/// `PUT /v1/appraisals/{id}/potential`.
struct PotentialBody: Encodable, Sendable {
    var potential: TalentLevel
}

/// `POST /v1/cycles/{id}/calibration-sessions`.
struct SessionBody: Encodable, Sendable {
    struct Guideline: Encodable, Sendable {
        var targets: [Share]
        var tolerancePercent: String

        enum CodingKeys: String, CodingKey {
            case targets
            case tolerancePercent = "tolerance_percent"
        }
    }

    struct Share: Encodable, Sendable {
        var level: Int
        var targetPercent: String

        enum CodingKeys: String, CodingKey {
            case level
            case targetPercent = "target_percent"
        }
    }

    var name: String
    var departments: [String]
    var guideline: Guideline
    var participants: [String]
}

/// `POST /v1/calibration-sessions/{id}/adjustments`.
struct AdjustmentBody: Encodable, Sendable {
    var appraisalID: String
    var ratingLevel: Int
    var reason: String

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case ratingLevel = "rating_level"
        case reason
    }
}

/// `POST /v1/appraisals/{id}/acknowledge`.
struct AcknowledgementBody: Encodable, Sendable {
    var comment: String?
}

/// `POST /v1/appraisals/{id}/disputes`.
struct DisputeBody: Encodable, Sendable {
    var disputedFields: [String]
    var reason: String

    enum CodingKeys: String, CodingKey {
        case disputedFields = "disputed_fields"
        case reason
    }
}

/// `POST /v1/disputes/{id}/resolve`.
struct ResolutionBody: Encodable, Sendable {
    var resolution: DisputeResolution
    var comment: String
    var ratingLevel: Int?

    enum CodingKeys: String, CodingKey {
        case resolution, comment
        case ratingLevel = "rating_level"
    }
}
