import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/cycles/{id}/calibration-sessions`: `{"name", "departments"?, "job_levels"?,
/// "guideline", "participants"?}` — the population (empty lists: all of the cycle), the
/// distribution it is calibrated against, and the managers who calibrate it with HR.
struct NewCalibrationSession: Decodable, Sendable {
    var name: String
    var departments: [String]
    var jobLevels: [String]
    var guideline: DistributionGuideline
    var participants: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        departments = try container.decodeIfPresent([String].self, forKey: .departments) ?? []
        jobLevels = try container.decodeIfPresent([String].self, forKey: .jobLevels) ?? []
        guideline = try container.decode(DistributionGuideline.self, forKey: .guideline)
        participants = try container.decodeIfPresent([String].self, forKey: .participants) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case name, departments
        case jobLevels = "job_levels"
        case guideline, participants
    }
}

/// `POST /v1/calibration-sessions/{id}/adjustments`: `{"appraisal_id", "rating_level",
/// "potential"?, "reason"}` — a reason is required for every change.
struct AdjustmentBody: Decodable, Sendable {
    var appraisalID: String
    var ratingLevel: Int
    var potential: TalentLevel?
    var reason: String

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case ratingLevel = "rating_level"
        case potential, reason
    }
}

/// A calibration session as stored and shown.
public struct CalibrationSessionRecord: Encodable, Sendable, Equatable {
    public var sessionID: String
    public var cycleID: String
    public var name: String
    public var departments: [String]
    public var jobLevels: [String]
    public var guideline: DistributionGuideline
    public var participants: [String]
    public var status: String
    public var createdBy: String
    public var lockedBy: String?
    public var lockedAt: Date?

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case cycleID = "cycle_id"
        case name, departments
        case jobLevels = "job_levels"
        case guideline, participants, status
        case createdBy = "created_by"
        case lockedBy = "locked_by"
        case lockedAt = "locked_at"
    }

    init(row: PostgresRow) throws {
        sessionID = try row.decode("session_id")
        cycleID = try row.decode("cycle_id")
        name = try row.decode("name")
        departments = try row.decode("departments")
        jobLevels = try row.decode("job_levels")
        guideline = try row.decode("guideline", as: PostgresJSON<DistributionGuideline>.self).value
        participants = try row.decode("participants")
        status = try row.decode("status")
        createdBy = try row.decode("created_by")
        lockedBy = try row.decode("locked_by")
        lockedAt = try row.decode("locked_at")
    }

    var isOpen: Bool { status == "open" }
}

/// `GET /v1/calibration-sessions/{id}/distribution`: the live distribution against the guideline.
public struct DistributionView: Encodable, Sendable, Equatable {
    public var sessionID: String
    public var populationCount: Int
    public var unratedCount: Int
    public var cells: [DistributionCell]

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case populationCount = "population_count"
        case unratedCount = "unrated_count"
        case cells
    }
}

/// `GET /v1/calibration-sessions/{id}/nine-box`: who sits in each cell.
public struct NineBoxView: Encodable, Sendable, Equatable {
    public var sessionID: String
    public var cells: [NineBoxGridCell]
    /// Appraisals not yet placed (no rating yet).
    public var unplaced: Int

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case cells, unplaced
    }
}

/// One calibration adjustment, as the session's audit lists it.
public struct AdjustmentRecord: Encodable, Sendable, Equatable {
    public var adjustmentID: String
    public var sessionID: String
    public var appraisalID: String
    public var employeeID: String
    public var previousLevel: Int
    public var level: Int
    public var previousPotential: TalentLevel?
    public var potential: TalentLevel
    public var reason: String
    public var adjustedBy: String
    public var adjustedAt: Date

    enum CodingKeys: String, CodingKey {
        case adjustmentID = "adjustment_id"
        case sessionID = "session_id"
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case previousLevel = "previous_level"
        case level
        case previousPotential = "previous_potential"
        case potential, reason
        case adjustedBy = "adjusted_by"
        case adjustedAt = "adjusted_at"
    }

    init(row: PostgresRow) throws {
        adjustmentID = try row.decode("adjustment_id")
        sessionID = try row.decode("session_id")
        appraisalID = try row.decode("appraisal_id")
        employeeID = try row.decode("employee_id")
        previousLevel = try row.decode("previous_level")
        level = try row.decode("level")
        previousPotential = (try row.decode("previous_potential", as: String?.self)).flatMap(TalentLevel.init(rawValue:))
        potential = TalentLevel(rawValue: try row.decode("potential")) ?? .moderate
        reason = try row.decode("reason")
        adjustedBy = try row.decode("adjusted_by")
        adjustedAt = try row.decode("adjusted_at")
    }
}
