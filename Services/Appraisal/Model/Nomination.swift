import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// An external rater the employee nominates: a customer or partner, reached by email.
struct ExternalRater: Decodable, Sendable {
    var name: String
    var email: String
}

/// `POST /v1/appraisals/{id}/nominations`: `{"peers"?, "externals"?}` — colleagues' employee ids
/// and external raters.
struct NominationBody: Decodable, Sendable {
    var peers: [String]
    var externals: [ExternalRater]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        peers = try container.decodeIfPresent([String].self, forKey: .peers) ?? []
        externals = try container.decodeIfPresent([ExternalRater].self, forKey: .externals) ?? []
    }

    enum CodingKeys: String, CodingKey { case peers, externals }

    /// At most this many nominations of each kind per appraisal.
    static let maximum = 10
}

/// `POST /v1/appraisals/{id}/nominations/decision`: `{"approve"?, "reject"?}` — review ids.
struct NominationDecisionBody: Decodable, Sendable {
    var approve: [String]
    var reject: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        approve = try container.decodeIfPresent([String].self, forKey: .approve) ?? []
        reject = try container.decodeIfPresent([String].self, forKey: .reject) ?? []
    }

    enum CodingKeys: String, CodingKey { case approve, reject }
}

/// A nominated (or approved) peer or external rater, as the employee, their line and HR see it.
public struct NominationRecord: Encodable, Sendable, Equatable {
    public var reviewID: String
    public var raterGroup: RaterGroup
    /// The colleague; empty for an external rater.
    public var reviewerID: String
    public var externalName: String?
    public var status: ReviewStatus

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case raterGroup = "rater_group"
        case reviewerID = "reviewer_id"
        case externalName = "external_name"
        case status
    }

    init(row: PostgresRow) throws {
        reviewID = try row.decode("review_id")
        raterGroup = RaterGroup(rawValue: try row.decode("rater_group")) ?? .peer
        reviewerID = try row.decode("reviewer_id")
        externalName = try row.decode("external_name")
        status = ReviewStatus(rawValue: try row.decode("status")) ?? .withdrawn
    }
}

/// What approving nominations returns: the decisions, and each approved external rater's
/// single-use link — shown this once, to be forwarded to them; only its hash is kept.
public struct NominationDecision: Encodable, Sendable, Equatable {
    public var approved: [String]
    public var rejected: [String]
    public var externalLinks: [ExternalLink]

    enum CodingKeys: String, CodingKey {
        case approved, rejected
        case externalLinks = "external_links"
    }
}

/// An external rater's single-use link.
public struct ExternalLink: Encodable, Sendable, Equatable {
    public var reviewID: String
    public var externalName: String
    public var url: String

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case externalName = "external_name"
        case url
    }
}

/// What an external rater's link shows: whom they review and against what, nothing else.
public struct ExternalReviewForm: Encodable, Sendable, Equatable {
    public var employeeName: String
    public var dueOn: CalendarDate
    public var scale: RatingScale
    public var competencies: [ExternalCompetency]

    enum CodingKeys: String, CodingKey {
        case employeeName = "employee_name"
        case dueOn = "due_on"
        case scale, competencies
    }
}

/// A competency as an external rater sees it.
public struct ExternalCompetency: Encodable, Sendable, Equatable {
    public var competencyID: String
    public var name: String
    public var description: String
    public var anchors: [BehaviouralAnchor]

    enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case name, description, anchors
    }
}
