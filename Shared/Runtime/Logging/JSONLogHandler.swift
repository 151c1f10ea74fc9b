import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one JSON object per line to standard error — timestamp, level, logger label,
/// message, metadata and source location — so log pipelines can index every field without
/// parsing free text.
///
/// Keys are sorted (`level`, `location`, `logger`, `message`, `metadata`, `source`, `time`), the
/// time is UTC with milliseconds (`2026-03-31T12:00:00.123Z`). Each line is built in a buffer of
/// its own and handed to the kernel with one `write(2)`, so concurrent tasks take no lock to log
/// and their lines do not interleave (one `write` to a pipe of up to `PIPE_BUF` bytes, or to a
/// file, lands whole).
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        var fields = self.metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let explicit { fields.merge(explicit) { _, new in new } }
        var json = JSONLine()
        json.beginObject()
        json.key("level"); json.string(level.rawValue)
        json.key("location"); json.string("\(file.split(separator: "/").last ?? ""):\(line)")
        json.key("logger"); json.string(label)
        json.key("message"); json.string(message.description)
        if !fields.isEmpty {
            json.key("metadata"); json.value(.dictionary(fields))
        }
        json.key("source"); json.string(source)
        json.key("time"); json.timestamp(Date())
        json.endObject()
        json.bytes.append(UInt8(ascii: "\n"))
        Self.writeToStandardError(json.bytes)
    }

    /// One `write(2)` for the whole line (more only if the kernel takes part of it).
    private static func writeToStandardError(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // nowhere to report a failing stderr
                }
            }
        }
    }
}

/// A JSON text built byte by byte: sorted object keys, `/` unescaped.
struct JSONLine {
    var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(256) }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func value(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let text): string(text)
        case .stringConvertible(let convertible): string(convertible.description)
        case .array(let values):
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            needsComma = false
            for element in values {
                if needsComma { bytes.append(UInt8(ascii: ",")) }
                needsComma = false
                self.value(element)
                needsComma = true
            }
            bytes.append(UInt8(ascii: "]"))
            needsComma = true
        case .dictionary(let values):
            beginObject()
            for name in values.keys.sorted() {
                key(name)
                self.value(values[name]!)
            }
            endObject()
        }
    }

    mutating func string(_ text: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0f)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `2026-03-31T12:00:00.123Z` (UTC, milliseconds) as a JSON string, without a formatter.
    mutating func timestamp(_ date: Date) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let ofDay = milliseconds - days * 86_400_000
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        digits(year, 4); bytes.append(UInt8(ascii: "-"))
        digits(month, 2); bytes.append(UInt8(ascii: "-"))
        digits(day, 2); bytes.append(UInt8(ascii: "T"))
        digits(ofDay / 3_600_000, 2); bytes.append(UInt8(ascii: ":"))
        digits(ofDay / 60_000 % 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(ofDay / 1000 % 60, 2); bytes.append(UInt8(ascii: "."))
        digits(ofDay % 1000, 3)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
        needsComma = true
    }

    private mutating func digits(_ value: Int64, _ width: Int) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var value = value
        if value >= divisor * 10 {  // wider than asked: print it all
            for character in String(value).utf8 { bytes.append(character) }
            return
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor))
            value %= divisor
            divisor /= 10
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Process-wide logging set-up for Stride executables.
public enum StrideLogging {
    /// Sends every logger of the process to ``JSONLogHandler`` at `level`
    /// (`trace` … `critical`; unknown names mean `info`). Call once, first thing in `main`.
    public static func bootstrap(level: String) {
        let level = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    }
}
