import StrideContracts

/// When a manager–report pair's next check-in falls due, and when it becomes overdue.
///
/// The schedule runs from an *anchor*: the day of the pair's last check-in, or the day the pair
/// started (the report joined the team, or coaching went live) when there has been none. The
/// next check-in is due on `anchor + cadence.intervalDays`; it is *due* from that day and
/// *overdue* once more than ``graceDays`` days have passed since it. With the default grace of
/// 3 days, a weekly pair anchored on Monday 2 March is due on Monday 9 March, still only due on
/// Thursday 12 March, and overdue from Friday 13 March.
///
/// The sweep that lists due and overdue pairs is set-based and mirrors these rules with
/// ``dueCutoff(on:)`` and ``overdueCutoff(on:)``: a pair is due when `anchor <= dueCutoff` and
/// overdue when `anchor < overdueCutoff`, per cadence, or equivalently in SQL
/// `anchor + interval_days <= today` and `anchor + interval_days + grace_days < today`.
public struct CheckInSchedule: Sendable, Hashable {
    /// The grace, in days past the due date, before a check-in counts as overdue.
    public static let defaultGraceDays = 3

    /// The pair's cadence.
    public var cadence: CheckInCadence
    /// Days past the due date before the check-in is overdue; 0 or more.
    public var graceDays: Int

    /// Creates a schedule.
    /// - Parameters:
    ///   - cadence: the pair's cadence.
    ///   - graceDays: days past due before overdue; negative values count as 0.
    public init(cadence: CheckInCadence, graceDays: Int = CheckInSchedule.defaultGraceDays) {
        self.cadence = cadence
        self.graceDays = max(0, graceDays)
    }

    /// The day the schedule runs from: the last check-in, else the day the pair started. A last
    /// check-in before the pair started (with an earlier manager) does not count.
    /// - Parameters:
    ///   - lastCheckInOn: the day of the pair's latest check-in, if any.
    ///   - pairStartedOn: the day the manager–report pair began.
    public static func anchor(lastCheckInOn: CalendarDate?, pairStartedOn: CalendarDate) -> CalendarDate {
        guard let lastCheckInOn else { return pairStartedOn }
        return max(lastCheckInOn, pairStartedOn)
    }

    /// The day the next check-in falls due.
    /// - Parameter anchor: the last check-in, or the pair's start (see ``anchor(lastCheckInOn:pairStartedOn:)``).
    public func dueOn(after anchor: CalendarDate) -> CalendarDate {
        anchor.adding(days: cadence.intervalDays)
    }

    /// The last day a check-in counts as on cadence: the due date plus the grace days.
    /// - Parameter anchor: the last check-in, or the pair's start.
    public func lastOnCadenceDay(after anchor: CalendarDate) -> CalendarDate {
        dueOn(after: anchor).adding(days: graceDays)
    }

    /// Where the pair stands on `today`.
    /// - Parameters:
    ///   - anchor: the last check-in, or the pair's start.
    ///   - today: the day of the question.
    public func standing(anchor: CalendarDate, on today: CalendarDate) -> CheckInStanding {
        let past = DayDistance.days(from: dueOn(after: anchor), to: today)
        if past < 0 { return .notDue(daysUntilDue: -past) }
        return past > graceDays ? .overdue(daysPastDue: past) : .due(daysPastDue: past)
    }

    /// Whether a check-in held on `heldOn` kept the cadence that ran from `anchor`: held no later
    /// than the due date plus the grace days. The completion rate counts these.
    /// - Parameters:
    ///   - heldOn: the day the check-in took place.
    ///   - anchor: the previous check-in, or the pair's start.
    public func isOnCadence(heldOn: CalendarDate, anchor: CalendarDate) -> Bool {
        heldOn <= lastOnCadenceDay(after: anchor)
    }

    /// The latest anchor that is due on `today`: the pair is due (or overdue) when its anchor is
    /// on or before this day. `today - interval_days`.
    /// - Parameter today: the day of the sweep.
    public func dueCutoff(on today: CalendarDate) -> CalendarDate {
        today.adding(days: -cadence.intervalDays)
    }

    /// The overdue boundary for `today`: the pair is overdue when its anchor is strictly before
    /// this day. `today - interval_days - grace_days`.
    /// - Parameter today: the day of the sweep.
    public func overdueCutoff(on today: CalendarDate) -> CalendarDate {
        today.adding(days: -(cadence.intervalDays + graceDays))
    }
}
