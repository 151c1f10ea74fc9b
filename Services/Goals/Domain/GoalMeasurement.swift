import Foundation
import StrideContracts

/// What a KPI goal's attainment is computed from: its agreed start, target and bounds, plus the
/// latest reading.
public struct KPIMeasurement: Sendable, Equatable {
    /// Which way is better.
    public var direction: MetricDirection
    /// The value at the start of the period.
    public var startValue: Decimal
    /// The value that means 100 % attainment (ignored for `stay_within_range`).
    public var targetValue: Decimal
    /// `increase`: a threshold, readings below it score 0. `stay_within_range`: the band's lower
    /// edge (inclusive); `nil` leaves the band open below.
    public var lowerBound: Decimal?
    /// `decrease`: a threshold, readings above it score 0. `stay_within_range`: the band's upper
    /// edge (inclusive); `nil` leaves the band open above.
    public var upperBound: Decimal?
    /// The latest reading; `nil` when there is no reading yet.
    public var currentValue: Decimal?

    /// Creates a measurement.
    /// - Parameters:
    ///   - direction: which way is better.
    ///   - startValue: the value at the start.
    ///   - targetValue: the value that means 100 %.
    ///   - lowerBound: threshold (`increase`) or band lower edge (`stay_within_range`).
    ///   - upperBound: threshold (`decrease`) or band upper edge (`stay_within_range`).
    ///   - currentValue: the latest reading, `nil` for none yet.
    public init(
        direction: MetricDirection, startValue: Decimal, targetValue: Decimal, lowerBound: Decimal? = nil,
        upperBound: Decimal? = nil, currentValue: Decimal? = nil
    ) {
        self.direction = direction
        self.startValue = startValue
        self.targetValue = targetValue
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.currentValue = currentValue
    }
}

/// What one key result of an objective is scored from. Key results always count upwards
/// (from start towards target); the weight is its share of the objective.
public struct KeyResultMeasurement: Sendable, Equatable {
    /// The key result's id within its goal.
    public var keyResultID: String
    /// The value at the start.
    public var startValue: Decimal
    /// The value that means the key result is fully achieved.
    public var targetValue: Decimal
    /// Share of the objective; relative, so weights need not sum to 100 for scoring.
    public var weight: Decimal
    /// The latest reading; `nil` when there is no reading yet.
    public var currentValue: Decimal?

    /// Creates a key-result measurement.
    /// - Parameters:
    ///   - keyResultID: the id within the goal.
    ///   - startValue: the value at the start.
    ///   - targetValue: the value that means fully achieved.
    ///   - weight: share of the objective.
    ///   - currentValue: the latest reading, `nil` for none yet.
    public init(
        keyResultID: String, startValue: Decimal, targetValue: Decimal, weight: Decimal, currentValue: Decimal? = nil
    ) {
        self.keyResultID = keyResultID
        self.startValue = startValue
        self.targetValue = targetValue
        self.weight = weight
        self.currentValue = currentValue
    }
}

/// Everything needed to score one goal, by kind: the input to ``Attainment/percent(of:policy:)``.
public enum GoalMeasurement: Sendable, Equatable {
    /// A KPI with its latest reading.
    case kpi(KPIMeasurement)
    /// A milestone, reached or not.
    case milestone(done: Bool)
    /// An objective scored by its key results.
    case objective([KeyResultMeasurement])
}
