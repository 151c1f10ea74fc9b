import Foundation

/// What a goal says: the fields an owner writes and a manager agrees.
/// Shared by ``GoalCreated`` and ``GoalUpdated`` so consumers project both the same way.
public struct GoalDefinition: Codable, Sendable, Equatable {
    /// Short title.
    public var title: String
    /// Longer description, if any.
    public var description: String?
    /// The level of the goal tree.
    public var level: GoalLevel
    /// Objective, KPI or milestone.
    public var kind: GoalKind
    /// The goal this one aligns to (decomposition), if any.
    public var parentGoalID: String?
    /// Share of the owner's goals in the period, in percent; an owner's weights sum to 100.
    @DecimalString public var weight: Decimal
    /// When the goal is due, if earlier than the period end.
    public var dueDate: CalendarDate?
    /// The KPI measure; present when `kind` is `kpi`.
    public var measure: GoalMeasure?
    /// The key results; non-empty only when `kind` is `objective`.
    public var keyResults: [KeyResult]

    /// Creates a definition.
    public init(
        title: String, description: String?, level: GoalLevel, kind: GoalKind, parentGoalID: String?, weight: Decimal,
        dueDate: CalendarDate?, measure: GoalMeasure?, keyResults: [KeyResult]
    ) {
        self.title = title
        self.description = description
        self.level = level
        self.kind = kind
        self.parentGoalID = parentGoalID
        self.weight = weight
        self.dueDate = dueDate
        self.measure = measure
        self.keyResults = keyResults
    }

    private enum CodingKeys: String, CodingKey {
        case title
        case description
        case level
        case kind
        case parentGoalID = "parent_goal_id"
        case weight
        case dueDate = "due_date"
        case measure
        case keyResults = "key_results"
    }
}

/// How a KPI goal is measured.
public struct GoalMeasure: Codable, Sendable, Equatable {
    /// The system that publishes the bound metric on `stride.metrics.v1` (``MetricReading/source``),
    /// e.g. `crm`; together with ``metricID`` it names the binding.
    public var metricSource: String?
    /// The metric fed by `stride.metrics.v1`, when the KPI updates automatically.
    public var metricID: String?
    /// The unit, e.g. `EUR`, `percent`, `hours`.
    public var unit: String
    /// Which way is better.
    public var direction: MetricDirection
    /// The value at the start of the period.
    @DecimalString public var startValue: Decimal
    /// The value that means 100 % attainment.
    @DecimalString public var targetValue: Decimal
    /// The lower edge of the band for `stay_within_range`; for `increase`, a threshold below
    /// which the goal scores nothing.
    @OptionalDecimalString public var lowerBound: Decimal?
    /// The upper edge of the band for `stay_within_range`; for `decrease`, a threshold above
    /// which the goal scores nothing.
    @OptionalDecimalString public var upperBound: Decimal?

    /// Creates a measure.
    public init(
        metricSource: String? = nil, metricID: String?, unit: String, direction: MetricDirection, startValue: Decimal,
        targetValue: Decimal, lowerBound: Decimal? = nil, upperBound: Decimal? = nil
    ) {
        self.metricSource = metricSource
        self.metricID = metricID
        self.unit = unit
        self.direction = direction
        self.startValue = startValue
        self.targetValue = targetValue
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    private enum CodingKeys: String, CodingKey {
        case metricSource = "metric_source"
        case metricID = "metric_id"
        case unit
        case direction
        case startValue = "start_value"
        case targetValue = "target_value"
        case lowerBound = "lower_bound"
        case upperBound = "upper_bound"
    }
}

/// One measurable key result of an objective.
public struct KeyResult: Codable, Sendable, Equatable {
    /// Stable id within the goal.
    public var keyResultID: String
    /// What is measured, e.g. `Signed enterprise pilots`.
    public var title: String
    /// The unit, e.g. `count`.
    public var unit: String
    /// The value at the start.
    @DecimalString public var startValue: Decimal
    /// The value that means the key result is fully achieved.
    @DecimalString public var targetValue: Decimal
    /// Share of the objective, in percent; the key results' weights sum to 100.
    @DecimalString public var weight: Decimal

    /// Creates a key result.
    public init(keyResultID: String, title: String, unit: String, startValue: Decimal, targetValue: Decimal, weight: Decimal) {
        self.keyResultID = keyResultID
        self.title = title
        self.unit = unit
        self.startValue = startValue
        self.targetValue = targetValue
        self.weight = weight
    }

    private enum CodingKeys: String, CodingKey {
        case keyResultID = "key_result_id"
        case title
        case unit
        case startValue = "start_value"
        case targetValue = "target_value"
        case weight
    }
}
