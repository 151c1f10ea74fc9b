import StrideContracts

/// How long an employee may dispute a released appraisal: a number of days after release, the
/// last day included.
public enum DisputeWindow {
    /// The last day a dispute may be raised: `days` after release (the release day itself when
    /// `days` is 0 or less).
    /// - Parameters:
    ///   - releasedOn: the day results were released.
    ///   - days: the cycle's dispute window, in days.
    public static func deadline(releasedOn: CalendarDate, days: Int) -> CalendarDate {
        releasedOn.adding(days: max(0, days))
    }

    /// Whether a dispute may be raised on `today`: from the release day to the deadline, both
    /// inclusive.
    /// - Parameters:
    ///   - releasedOn: the day results were released.
    ///   - days: the cycle's dispute window, in days.
    ///   - today: the day of the request.
    public static func isOpen(releasedOn: CalendarDate, days: Int, today: CalendarDate) -> Bool {
        today >= releasedOn && today <= deadline(releasedOn: releasedOn, days: days)
    }
}
