import Foundation
import StrideContracts

/// Whole days between calendar dates, for cadences, windows and overdue counts.
enum DayDistance {
    /// Days from `start` to `end`: 0 on the same day, negative when `end` is earlier. Exact: both
    /// dates are whole multiples of 86,400 seconds from the epoch, which a `Double` holds exactly.
    static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        Int(((end.startOfDayUTC.timeIntervalSince1970 - start.startOfDayUTC.timeIntervalSince1970) / 86_400).rounded())
    }
}
