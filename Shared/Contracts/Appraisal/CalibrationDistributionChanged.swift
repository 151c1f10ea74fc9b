import Foundation

/// A calibration population's rating distribution changed (`stride.appraisal.v1`, key calibration
/// session id): published when the session opens, after every adjustment and when it locks, so
/// analytics can show calibration live against its guideline. Counts only, never names.
public struct CalibrationDistributionChanged: StrideEvent {
    public static let eventType = "stride.appraisal.calibration-distribution.changed.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { calibrationSessionID }

    /// The calibration session.
    public var calibrationSessionID: String
    /// The cycle.
    public var cycleID: String
    /// The departments of the population (empty: every department of the cycle).
    public var departments: [String]
    /// The job levels of the population (empty: every level).
    public var jobLevels: [String]
    /// Appraisals in the population.
    public var populationCount: Int
    /// Appraisals in the population without a rating yet.
    public var unratedCount: Int
    /// One entry per level of the scale, lowest first.
    public var shares: [RatingShare]
    /// Whether the session is locked (this is its final distribution).
    public var locked: Bool
    /// Who caused the change.
    public var actorID: String

    /// Creates the event.
    public init(
        calibrationSessionID: String, cycleID: String, departments: [String], jobLevels: [String], populationCount: Int,
        unratedCount: Int, shares: [RatingShare], locked: Bool, actorID: String
    ) {
        self.calibrationSessionID = calibrationSessionID
        self.cycleID = cycleID
        self.departments = departments
        self.jobLevels = jobLevels
        self.populationCount = populationCount
        self.unratedCount = unratedCount
        self.shares = shares
        self.locked = locked
        self.actorID = actorID
    }

    private enum CodingKeys: String, CodingKey {
        case calibrationSessionID = "calibration_session_id"
        case cycleID = "cycle_id"
        case departments
        case jobLevels = "job_levels"
        case populationCount = "population_count"
        case unratedCount = "unrated_count"
        case shares
        case locked
        case actorID = "actor_id"
    }
}

/// How many of a population hold one rating level, against the guideline's target.
public struct RatingShare: Codable, Sendable, Hashable {
    /// The level.
    public var level: Int
    /// Appraisals at the level.
    public var count: Int
    /// Their share of the rated population, in percent.
    @DecimalString public var actualPercent: Decimal
    /// The guideline's target share, in percent.
    @DecimalString public var targetPercent: Decimal
    /// Whether the share is within the guideline's tolerance: `within`, `above` or `below`.
    public var status: String

    /// Creates a share.
    public init(level: Int, count: Int, actualPercent: Decimal, targetPercent: Decimal, status: String) {
        self.level = level
        self.count = count
        self.actualPercent = actualPercent
        self.targetPercent = targetPercent
        self.status = status
    }

    private enum CodingKeys: String, CodingKey {
        case level
        case count
        case actualPercent = "actual_percent"
        case targetPercent = "target_percent"
        case status
    }
}
