import Foundation
import StrideContracts

extension CalendarDate {
    /// Whole days from `other` to this date (negative when `other` is later).
    func daysSince(_ other: CalendarDate) -> Int {
        Int(((startOfDayUTC.timeIntervalSince1970 - other.startOfDayUTC.timeIntervalSince1970) / 86_400).rounded())
    }
}
