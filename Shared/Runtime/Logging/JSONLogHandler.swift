import Foundation
import Logging
import Synchronization

/// Writes one JSON object per line to standard error — timestamp, level, logger label,
/// message, metadata and source location — so log pipelines can index every field without
/// parsing free text.
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
        var object: [String: Any] = [
            "time": Self.timestamp(), "level": level.rawValue, "logger": label, "message": message.description,
            "source": source, "location": "\(file.split(separator: "/").last ?? ""):\(line)",
        ]
        if !fields.isEmpty { object["metadata"] = fields.mapValues(Self.json) }
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(UInt8(ascii: "\n"))
        Self.output.withLock { _ = $0; FileHandle.standardError.write(data) }
    }

    /// Serialises writes so lines from concurrent tasks never interleave.
    private static let output = Mutex<Void>(())

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }
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
