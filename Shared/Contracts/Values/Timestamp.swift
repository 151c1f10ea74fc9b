import Foundation

/// RFC 3339 timestamps as Stride writes them: UTC, always three fractional digits,
/// `2026-03-31T12:00:00.000Z`.
///
/// Hand-written (no formatter objects) so the bytes never depend on a Foundation version,
/// locale or time zone, and so it is `Sendable` and fast on bulk paths.
enum Timestamp {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// Formats `date` in UTC with milliseconds (rounded to the nearest millisecond).
    static func format(_ date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisecondOfDay) = floorDivide(totalMilliseconds, millisecondsPerDay)
        let civil = CivilCalendar.date(fromDaysSinceEpoch: days)
        let hour = millisecondOfDay / 3_600_000
        let minute = millisecondOfDay / 60_000 % 60
        let second = millisecondOfDay / 1000 % 60
        let millisecond = millisecondOfDay % 1000
        return "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T"
            + "\(pad(Int(hour), 2)):\(pad(Int(minute), 2)):\(pad(Int(second), 2)).\(pad(Int(millisecond), 3))Z"
    }

    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    /// Returns `nil` for anything else, including out-of-range fields.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2), reader.skip("T") || reader.skip("t"),
            let hour = reader.number(2), reader.skip(":"), let minute = reader.number(2), reader.skip(":"),
            let second = reader.number(2),
            CivilCalendar.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction: [UInt8] = []
        if reader.skip(".") {
            while let digit = reader.digit() { fraction.append(digit) }
            guard !fraction.isEmpty else { return nil }
        }
        var offsetSeconds = 0
        if reader.skip("Z") || reader.skip("z") {
            offsetSeconds = 0
        } else {
            let sign: Int
            if reader.skip("+") { sign = 1 } else if reader.skip("-") { sign = -1 } else { return nil }
            guard let offsetHour = reader.number(2), reader.skip(":"), let offsetMinute = reader.number(2),
                offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard reader.isAtEnd else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let wholeSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        if fraction.count <= 3 {
            // Exact for the canonical form: the same Double as `Date(timeIntervalSince1970: x.yyy)`.
            var milliseconds = 0
            for index in 0..<3 { milliseconds = milliseconds * 10 + Int(index < fraction.count ? fraction[index] : 0) }
            return Date(timeIntervalSince1970: Double(wholeSeconds * 1000 + Int64(milliseconds)) / 1000)
        }
        var nanoseconds = 0
        for index in 0..<9 { nanoseconds = nanoseconds * 10 + Int(index < fraction.count ? fraction[index] : 0) }
        return Date(timeIntervalSince1970: Double(wholeSeconds) + Double(nanoseconds) / 1_000_000_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (Int(quotient), remainder)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Reads fixed-width ASCII digit groups and separators.
struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func digit() -> UInt8? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        defer { index += 1 }
        return bytes[index] - UInt8(ascii: "0")
    }

    mutating func number(_ width: Int) -> Int? {
        var value = 0
        for _ in 0..<width {
            guard let digit = digit() else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }
}
