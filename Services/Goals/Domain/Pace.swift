import Foundation
import StrideContracts

/// Where a goal stands against linear pace on a given day: the basis of the at-risk flag that
/// nudges coaching (``GoalAtRisk``).
public struct PaceAssessment: Sendable, Equatable {
    /// Progress expected by now at a steady pace, 0–100.
    public var expectedPercent: Decimal
    /// Progress actually recorded.
    public var actualPercent: Decimal
    /// Expected minus actual, in percentage points; negative when ahead of pace.
    public var deviationPoints: Decimal
    /// Whether the goal is behind pace by more than the margin.
    public var isAtRisk: Bool

    /// Creates an assessment.
    /// - Parameters:
    ///   - expectedPercent: progress expected by now, 0–100.
    ///   - actualPercent: progress recorded.
    ///   - deviationPoints: expected minus actual.
    ///   - isAtRisk: whether the deviation exceeds the margin.
    public init(expectedPercent: Decimal, actualPercent: Decimal, deviationPoints: Decimal, isAtRisk: Bool) {
        self.expectedPercent = expectedPercent
        self.actualPercent = actualPercent
        self.deviationPoints = deviationPoints
        self.isAtRisk = isAtRisk
    }
}

/// Expected-versus-actual pace: a goal due at the end of its span should have made linear
/// progress along the way, and falls at risk when it lags by more than a tolerated margin.
public enum Pace {
    /// Assesses progress against linear pace on `date`.
    ///
    /// Expected = elapsed days / total days × 100, where elapsed counts days from `startsOn` to
    /// `date` held to the span, and total counts days from `startsOn` to `endsOn` (the due date,
    /// when the goal has one). A span of a single day expects 100 from that day on. Before
    /// `startsOn` nothing is expected and nothing is at risk. At risk means deviation > margin,
    /// so a goal exactly at the margin is not at risk.
    /// - Parameters:
    ///   - actualPercent: progress recorded, in percent.
    ///   - startsOn: the first day of the span (the period start).
    ///   - endsOn: the day the goal should be done (its due date, else the period end).
    ///   - date: the day of the assessment.
    ///   - marginPoints: how many points behind pace are tolerated.
    /// - Returns: the assessment; expected, actual and deviation rounded to 2 places, deviation
    ///   computed from the rounded values so the three always agree.
    public static func assess(
        actualPercent: Decimal, startsOn: CalendarDate, endsOn: CalendarDate, on date: CalendarDate,
        marginPoints: Decimal
    ) -> PaceAssessment {
        let started = date >= startsOn
        let expected = DecimalRounding.rounded(expectedPercent(startsOn: startsOn, endsOn: endsOn, on: date))
        let actual = DecimalRounding.rounded(actualPercent)
        let deviation = expected - actual
        return PaceAssessment(
            expectedPercent: expected, actualPercent: actual, deviationPoints: deviation,
            isAtRisk: started && deviation > marginPoints)
    }

    /// Linear expected progress, unrounded.
    static func expectedPercent(startsOn: CalendarDate, endsOn: CalendarDate, on date: CalendarDate) -> Decimal {
        guard date >= startsOn else { return 0 }
        let total = DayCount.days(from: startsOn, to: endsOn)
        guard total > 0 else { return 100 }  // a single-day (or inverted) span is due on its first day
        let elapsed = min(DayCount.days(from: startsOn, to: date), total)
        return Decimal(elapsed) * 100 / Decimal(total)
    }
}
