import StrideContracts
import StrideRuntime

/// When a feedback interview should take place: within a configurable number of days after the
/// appraisal is finalized (``AppraisalFinalized``).
public struct InterviewWindow: Sendable, Hashable {
    /// Days after finalization within which the interview is held, by default.
    public static let defaultWindowDays = 14
    /// How many days after finalization (or after the event arrives, if later) the interview is
    /// proposed, by default.
    public static let defaultLeadDays = 7

    /// Days after finalization within which the interview is held; at least 0.
    public var windowDays: Int
    /// How soon the automatic scheduling proposes the interview; at least 0.
    public var leadDays: Int

    /// Creates a window.
    /// - Parameters:
    ///   - windowDays: the window after finalization.
    ///   - leadDays: how soon the automatic scheduling proposes it.
    public init(windowDays: Int = InterviewWindow.defaultWindowDays, leadDays: Int = InterviewWindow.defaultLeadDays) {
        self.windowDays = max(0, windowDays)
        self.leadDays = max(0, leadDays)
    }

    /// The last day of the window.
    /// - Parameter finalizedOn: the day the appraisal was finalized.
    public func latestDay(finalizedOn: CalendarDate) -> CalendarDate {
        finalizedOn.adding(days: windowDays)
    }

    /// The day the consumer of ``AppraisalFinalized`` schedules the interview for: ``leadDays``
    /// after finalization (or after `today`, when the event arrives late), but no later than the
    /// window's last day, and never before `today`.
    /// - Parameters:
    ///   - finalizedOn: the day the appraisal was finalized.
    ///   - today: the day the event is handled.
    public func proposedDay(finalizedOn: CalendarDate, today: CalendarDate) -> CalendarDate {
        let earliest = max(finalizedOn, today)
        return min(earliest.adding(days: leadDays), max(latestDay(finalizedOn: finalizedOn), today))
    }

    /// Every rule a (re)scheduled day breaks, each `.invalid` on `scheduled_on`: not before the
    /// finalization or `today`, not after the window's last day (once the window has passed,
    /// only `today` remains).
    /// - Parameters:
    ///   - scheduledOn: the day chosen.
    ///   - finalizedOn: the day the appraisal was finalized.
    ///   - today: the day of the request.
    public func violations(
        scheduledOn: CalendarDate, finalizedOn: CalendarDate, today: CalendarDate
    ) -> [CoachingRuleViolation] {
        let earliest = max(finalizedOn, today)
        let latest = max(latestDay(finalizedOn: finalizedOn), today)
        guard scheduledOn >= earliest, scheduledOn <= latest else {
            return [
                CoachingRuleViolation(
                    .invalid, field: "scheduled_on",
                    "The feedback interview falls between \(earliest) and \(latest); \(scheduledOn) does not.")
            ]
        }
        return []
    }
}
