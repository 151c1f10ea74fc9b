import Foundation

extension Date: PostgresEncodable, PostgresDecodable {
    /// Binds as `timestamptz`, in UTC, to the microsecond (PostgreSQL's resolution).
    public static var postgresType: PostgresDataType { .timestamptz }
    public var postgresText: String? { PostgresTimestamp.format(self) }
    /// Decodes `timestamptz`, `timestamp` (read as UTC) and `date` (midnight UTC) text, including
    /// fractional seconds, `±HH[:MM[:SS]]` offsets, `BC` years and `±infinity`
    /// (`Date.distantFuture`/`distantPast`).
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = PostgresTimestamp.parse(postgresText) else {
            throw PostgresDecodingFailure("not an ISO timestamp; connections use DateStyle=ISO")
        }
        self = value
    }
}

/// Converts between `Date` and PostgreSQL's ISO timestamp text without `DateFormatter`, exactly
/// to the microsecond.
enum PostgresTimestamp {
    private static let microsPerSecond: Int64 = 1_000_000
    private static let microsPerDay: Int64 = 86_400 * 1_000_000

    /// `2024-05-06 07:08:09.123456+00` (`…+00 BC` before year 1).
    static func format(_ date: Date) -> String {
        var field = PostgresFieldWriter(format: .copy, capacity: 40)
        write(date, into: &field)
        return String(decoding: field.bytes, as: UTF8.self)
    }

    /// Writes ``format(_:)``'s text into a field, without making a `String`.
    static func write(_ date: Date, into field: inout PostgresFieldWriter) {
        let micros = Int64((date.timeIntervalSince1970 * 1e6).rounded())
        let days = floorDiv(micros, microsPerDay)
        var rest = micros - days * microsPerDay
        let (year, month, day) = civil(fromDays: days)
        let hour = rest / 3_600_000_000; rest %= 3_600_000_000
        let minute = rest / 60_000_000; rest %= 60_000_000
        let second = rest / microsPerSecond, fraction = rest % microsPerSecond
        field.writePadded(year > 0 ? year : 1 - year, width: 4)
        field.writePlain(UInt8(ascii: "-"))
        field.writePadded(month, width: 2)
        field.writePlain(UInt8(ascii: "-"))
        field.writePadded(day, width: 2)
        field.writePlain(UInt8(ascii: " "))
        field.writePadded(hour, width: 2)
        field.writePlain(UInt8(ascii: ":"))
        field.writePadded(minute, width: 2)
        field.writePlain(UInt8(ascii: ":"))
        field.writePadded(second, width: 2)
        if fraction != 0 {
            field.writePlain(UInt8(ascii: "."))
            field.writePadded(fraction, width: 6)
        }
        field.writePlain(UInt8(ascii: "+"))
        field.writePlain(UInt8(ascii: "0"))
        field.writePlain(UInt8(ascii: "0"))
        if year <= 0 {
            field.writePlain(UInt8(ascii: " "))
            field.writePlain(UInt8(ascii: "B"))
            field.writePlain(UInt8(ascii: "C"))
        }
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM:SS[.ffffff]][Z|±HH[:MM[:SS]]][ BC]` and `±infinity`.
    static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var scanner = ByteScanner(Array(text.utf8))
        var isBC = false
        if scanner.bytes.count > 3, scanner.bytes.suffix(3) == Array(" BC".utf8) {
            isBC = true
            scanner.bytes.removeLast(3)
        }
        guard var year = scanner.number(minDigits: 4), scanner.take("-"),
            let month = scanner.number(exactly: 2), scanner.take("-"),
            let day = scanner.number(exactly: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if isBC { year = 1 - year }
        var micros = daysFromCivil(year: year, month: month, day: day) * microsPerDay
        if scanner.take(" ") || scanner.take("T") {
            guard let hour = scanner.number(exactly: 2), scanner.take(":"),
                let minute = scanner.number(exactly: 2), scanner.take(":"),
                let second = scanner.number(exactly: 2), hour <= 24, minute < 60, second < 61
            else { return nil }
            micros += (hour * 3600 + minute * 60 + second) * microsPerSecond
            if scanner.take(".") {
                guard let (fraction, digits) = scanner.digits(), digits <= 9 else { return nil }
                var scaled = fraction
                if digits < 6 { for _ in digits..<6 { scaled *= 10 } }
                if digits > 6 { for _ in 6..<digits { scaled /= 10 } }
                micros += scaled
            }
            if scanner.take("Z") {
            } else if let sign: Int64 = scanner.take("+") ? 1 : scanner.take("-") ? -1 : nil {
                guard let hours = scanner.number(exactly: 2) else { return nil }
                var offset = hours * 3600
                if scanner.take(":") {
                    guard let minutes = scanner.number(exactly: 2) else { return nil }
                    offset += minutes * 60
                    if scanner.take(":") {
                        guard let seconds = scanner.number(exactly: 2) else { return nil }
                        offset += seconds
                    }
                }
                micros -= sign * offset * microsPerSecond
            }
        }
        guard scanner.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: Double(micros) / 1e6)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, astronomical years).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// A tiny cursor over ASCII bytes for the timestamp parser.
private struct ByteScanner {
    var bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func digits() -> (value: Int64, count: Int)? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, count < 18 {
            value = value * 10 + Int64(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count == 0 ? nil : (value, count)
    }

    mutating func number(exactly count: Int) -> Int64? {
        guard let (value, digits) = digits(), digits == count else { return nil }
        return value
    }

    mutating func number(minDigits: Int) -> Int64? {
        guard let (value, digits) = digits(), digits >= minDigits else { return nil }
        return value
    }
}
