import Foundation

/// Calibration changed (or confirmed) an employee's rating (`stride.appraisal.v1`, key employee id).
/// Adjustments always carry a reason: the audit trail.
public struct AppraisalCalibrated: StrideEvent {
    public static let eventType = "stride.appraisal.appraisal.calibrated.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The appraisal.
    public var appraisalID: String
    /// The cycle.
    public var cycleID: String
    /// The employee.
    public var employeeID: String
    /// The calibration session.
    public var calibrationSessionID: String
    /// Who made the adjustment.
    public var actorID: String
    /// The appraisal's version after calibration.
    public var version: Int
    /// The rating proposed before calibration.
    public var previousRating: Rating
    /// The calibrated rating.
    public var rating: Rating
    /// The potential agreed in calibration.
    public var potential: TalentLevel
    /// The nine-box cell agreed in calibration.
    public var nineBox: NineBoxCell
    /// Why the rating was set so.
    public var reason: String

    /// Creates the event.
    public init(
        appraisalID: String, cycleID: String, employeeID: String, calibrationSessionID: String, actorID: String,
        version: Int, previousRating: Rating, rating: Rating, potential: TalentLevel, nineBox: NineBoxCell,
        reason: String
    ) {
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.calibrationSessionID = calibrationSessionID
        self.actorID = actorID
        self.version = version
        self.previousRating = previousRating
        self.rating = rating
        self.potential = potential
        self.nineBox = nineBox
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case calibrationSessionID = "calibration_session_id"
        case actorID = "actor_id"
        case version
        case previousRating = "previous_rating"
        case rating
        case potential
        case nineBox = "nine_box"
        case reason
    }
}

/// An employee's appraisal is final (`stride.appraisal.v1`, key employee id): the input to
/// merit, bonus and promotion. A dispute amended later produces a higher `version`; the highest wins.
///
/// Scores are on the template's rating scale (1…`rating.scale_max`), as exact decimal strings:
/// `final_score = goal_score × goal_weight_percent/100 + competency_score × competency_weight_percent/100`.
public struct AppraisalFinalized: StrideEvent {
    public static let eventType = "stride.appraisal.appraisal.finalized.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The appraisal.
    public var appraisalID: String
    /// The cycle.
    public var cycleID: String
    /// The employee.
    public var employeeID: String
    /// The employee's manager at finalization.
    public var managerID: String
    /// The goal period whose attainment was used.
    public var periodID: String
    /// Who finalized it.
    public var actorID: String
    /// 1, +1 per amendment.
    public var version: Int
    /// The quantitative part: goal attainment mapped onto the scale.
    @DecimalString public var goalScore: Decimal
    /// The qualitative part: weighted competency ratings.
    @DecimalString public var competencyScore: Decimal
    /// The share of `goal_score`, in percent.
    @DecimalString public var goalWeightPercent: Decimal
    /// The share of `competency_score`, in percent.
    @DecimalString public var competencyWeightPercent: Decimal
    /// The combined score.
    @DecimalString public var finalScore: Decimal
    /// The rating band (after calibration, when calibrated).
    public var rating: Rating
    /// The assessed potential.
    public var potential: TalentLevel
    /// The nine-box cell.
    public var nineBox: NineBoxCell
    /// Whether calibration adjusted or confirmed the rating.
    public var calibrated: Bool

    /// Creates the event.
    public init(
        appraisalID: String, cycleID: String, employeeID: String, managerID: String, periodID: String,
        actorID: String, version: Int, goalScore: Decimal, competencyScore: Decimal, goalWeightPercent: Decimal,
        competencyWeightPercent: Decimal, finalScore: Decimal, rating: Rating, potential: TalentLevel,
        nineBox: NineBoxCell, calibrated: Bool
    ) {
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.managerID = managerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.goalScore = goalScore
        self.competencyScore = competencyScore
        self.goalWeightPercent = goalWeightPercent
        self.competencyWeightPercent = competencyWeightPercent
        self.finalScore = finalScore
        self.rating = rating
        self.potential = potential
        self.nineBox = nineBox
        self.calibrated = calibrated
    }

    private enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case goalScore = "goal_score"
        case competencyScore = "competency_score"
        case goalWeightPercent = "goal_weight_percent"
        case competencyWeightPercent = "competency_weight_percent"
        case finalScore = "final_score"
        case rating
        case potential
        case nineBox = "nine_box"
        case calibrated
    }
}
