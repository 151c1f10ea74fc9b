import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// An appraisal as its readers see it: the employee (after release), their reporting line and
/// HR. Scores and ratings are left out for an employee before release. Never holds anything
/// a single peer, report or external rater wrote.
public struct AppraisalView: Encodable, Sendable, Equatable {
    public var appraisalID: String
    public var cycleID: String
    public var employeeID: String
    public var managerID: String?
    public var department: String
    public var jobLevel: String
    public var status: String
    public var phase: CyclePhase
    /// 0 before release; 1 at release, +1 per amendment.
    public var version: Int
    @OptionalDecimalString public var goalScore: Decimal?
    @OptionalDecimalString public var competencyScore: Decimal?
    @OptionalDecimalString public var finalScore: Decimal?
    /// The level the score maps to, before calibration.
    public var proposedLevel: Int?
    /// The level in force (after calibration).
    public var ratingLevel: Int?
    public var potential: TalentLevel?
    public var calibrated: Bool
    public var acknowledgedVersion: Int?
    public var acknowledgedAt: Date?

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case department
        case jobLevel = "job_level"
        case status, phase, version
        case goalScore = "goal_score"
        case competencyScore = "competency_score"
        case finalScore = "final_score"
        case proposedLevel = "proposed_level"
        case ratingLevel = "rating_level"
        case potential, calibrated
        case acknowledgedVersion = "acknowledged_version"
        case acknowledgedAt = "acknowledged_at"
    }

    init(row: PostgresRow) throws {
        appraisalID = try row.decode("appraisal_id")
        cycleID = try row.decode("cycle_id")
        employeeID = try row.decode("employee_id")
        managerID = try row.decode("manager_id")
        department = try row.decode("department")
        jobLevel = try row.decode("job_level")
        status = try row.decode("status")
        phase = CyclePhase(rawValue: try row.decode("phase")) ?? .closed
        version = try row.decode("version")
        goalScore = try row.decode("goal_score")
        competencyScore = try row.decode("competency_score")
        finalScore = try row.decode("final_score")
        proposedLevel = try row.decode("proposed_level")
        ratingLevel = try row.decode("rating_level")
        potential = (try row.decode("potential", as: String?.self)).flatMap(TalentLevel.init(rawValue:))
        calibrated = try row.decode("calibrated")
        acknowledgedVersion = try row.decode("acknowledged_version")
        acknowledgedAt = try row.decode("acknowledged_at")
    }

    /// What the employee sees before their results are released: that the appraisal exists, no numbers.
    func withheld() -> AppraisalView {
        var view = self
        view.goalScore = nil
        view.competencyScore = nil
        view.finalScore = nil
        view.proposedLevel = nil
        view.ratingLevel = nil
        view.potential = nil
        view.calibrated = false
        return view
    }
}

/// `GET /v1/appraisals/{id}/score`: the score line by line, as far as the reader may see it.
public struct ScoreView: Encodable, Sendable, Equatable {
    public var appraisalID: String
    public var version: Int
    public var explanation: ScoreExplanation

    enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case version, explanation
    }
}

/// `POST /v1/cycles/{id}/scores`: what scoring the cycle did.
public struct ScoringSummary: Encodable, Sendable, Equatable {
    public var cycleID: String
    public var scored: Int
    /// Appraisals with nothing to score yet (no attainment, no counted review), at most 100 shown.
    public var unscored: [String]
    public var unscoredCount: Int

    enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id"
        case scored, unscored
        case unscoredCount = "unscored_count"
    }
}
