import StrideContracts

/// The rules for goal periods (year, half, quarter): dates in order, at most a year long, and
/// nested inside the parent period so goals decompose cleanly from year to quarter.
public enum PeriodRules {
    /// The longest period, in days (first and last day included): a leap year.
    public static let maxLengthInDays = 366

    /// Checks a period's dates and its place in the period hierarchy.
    ///
    /// - `startsOn` ≤ `endsOn`, and the period is at most ``maxLengthInDays`` days long counting both
    ///   ends (else ``GoalRuleViolation/Code/invalidDates``, field `ends_on`).
    /// - A year nests in nothing, a half only in a year, a quarter in a half or a year; a nested
    ///   period lies within its parent's dates, bounds included (else
    ///   ``GoalRuleViolation/Code/periodNotNested``, field `parent_period_id`).
    /// - Parameters:
    ///   - kind: year, half or quarter.
    ///   - startsOn: the first day.
    ///   - endsOn: the last day.
    ///   - parent: the enclosing period, if any.
    /// - Throws: the first rule broken, in the order above.
    public static func validate(
        kind: GoalPeriodKind, startsOn: CalendarDate, endsOn: CalendarDate,
        parent: (kind: GoalPeriodKind, startsOn: CalendarDate, endsOn: CalendarDate)?
    ) throws(GoalRuleViolation) {
        guard startsOn <= endsOn else {
            throw GoalRuleViolation(
                .invalidDates, field: "ends_on", "The period ends (\(endsOn)) before it starts (\(startsOn)).")
        }
        let length = DayCount.days(from: startsOn, to: endsOn) + 1
        guard length <= maxLengthInDays else {
            throw GoalRuleViolation(
                .invalidDates, field: "ends_on",
                "The period is \(length) days long; a period is at most \(maxLengthInDays) days.")
        }
        guard let parent else { return }
        guard canNest(kind, in: parent.kind) else {
            throw GoalRuleViolation(
                .periodNotNested, field: "parent_period_id",
                "\(nestingRule(kind)) This \(kind.rawValue) was given a \(parent.kind.rawValue) as its parent.")
        }
        guard parent.startsOn <= startsOn, endsOn <= parent.endsOn else {
            throw GoalRuleViolation(
                .periodNotNested, field: "parent_period_id",
                "The period (\(startsOn) to \(endsOn)) must lie within its parent (\(parent.startsOn) to \(parent.endsOn))."
            )
        }
    }

    /// Whether a period of `kind` may sit inside a period of `parentKind`.
    /// - Parameters:
    ///   - kind: the nested period's kind.
    ///   - parentKind: the enclosing period's kind.
    public static func canNest(_ kind: GoalPeriodKind, in parentKind: GoalPeriodKind) -> Bool {
        switch (kind, parentKind) {
        case (.quarter, .half), (.quarter, .year), (.half, .year): true
        default: false
        }
    }

    private static func nestingRule(_ kind: GoalPeriodKind) -> String {
        switch kind {
        case .year: "A year cannot be nested in another period."
        case .half: "A half can only be nested in a year."
        case .quarter: "A quarter can only be nested in a half or a year."
        }
    }
}
