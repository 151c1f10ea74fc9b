import Foundation

/// A calendar date without a time or time zone, such as a hire date or an effective date.
///
/// JSON: `"2026-01-31"` (ISO 8601 `YYYY-MM-DD`). Ordered chronologically.
public struct CalendarDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a date from its parts.
    /// - Parameters:
    ///   - year: 1…9999.
    ///   - month: 1…12.
    ///   - day: a day that exists in that month.
    /// - Important: Traps on an impossible date; use ``init(_:)`` for untrusted text.
    public init(year: Int, month: Int, day: Int) {
        precondition(CivilCalendar.isValid(year: year, month: month, day: day), "no such date: \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not exactly that form or the date does not exist.
    /// - Parameter text: e.g. `2026-01-31`.
    public init?(_ text: String) {
        var reader = DigitReader(bytes: Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2), reader.isAtEnd, CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC calendar date of an instant.
    /// - Parameter date: the instant.
    public init(utc date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = CivilCalendar.date(fromDaysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Midnight UTC at the start of this date.
    public var startOfDayUTC: Date {
        Date(timeIntervalSince1970: Double(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)) * 86_400)
    }

    /// The date `count` days later (or earlier when negative).
    /// - Parameter count: the number of days to add.
    public func adding(days count: Int) -> CalendarDate {
        let civil = CivilCalendar.date(
            fromDaysSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) + count)
        return CalendarDate(year: civil.year, month: civil.month, day: civil.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Timestamp.pad(year, 4))-\(Timestamp.pad(month, 2))-\(Timestamp.pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
