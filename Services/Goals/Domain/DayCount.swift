import StrideContracts

/// Whole-day distances between calendar dates, on plain integers (proleptic Gregorian, no
/// time zones, no binary floats), for period lengths and linear pace.
enum DayCount {
    /// The number of days from `start` to `end`: 0 for the same day, negative when `end` is earlier.
    static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        dayNumber(end) - dayNumber(start)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func dayNumber(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
