import Foundation
import Testing

/// The golden fixture files: `Fixtures/<event type>.json`, the exact payload bytes of each sample.
///
/// To regenerate them deliberately (after an intended contract change, i.e. a new `vN`):
///
///     STRIDE_UPDATE_FIXTURES=1 swift test --filter GoldenFixtureTests
///
/// That rewrites the files in the source tree and still FAILS each test it rewrote, so nobody
/// regenerates silently; review the diff, then run the tests again without the variable.
enum Fixtures {
    /// Whether this run rewrites fixtures instead of checking them.
    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["STRIDE_UPDATE_FIXTURES"] == "1"
    }

    /// The fixtures folder copied into the test bundle.
    static func bundledDirectory() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures resource folder missing")
    }

    /// The fixtures folder in the source tree (where updates are written).
    static func sourceDirectory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures", isDirectory: true)
    }

    static func fileName(for eventType: String) -> String {
        eventType + ".json"
    }

    /// The fixture bytes for `eventType`.
    static func read(_ eventType: String) throws -> [UInt8] {
        let url = try bundledDirectory().appendingPathComponent(fileName(for: eventType))
        return Array(try Data(contentsOf: url))
    }

    /// Writes `bytes` as the fixture for `eventType` into the source tree.
    static func write(_ bytes: [UInt8], for eventType: String) throws {
        let directory = sourceDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: directory.appendingPathComponent(fileName(for: eventType)), options: .atomic)
    }

    /// The event types that have a fixture file in the bundle.
    static func eventTypesPresent() throws -> Set<String> {
        let names = try FileManager.default.contentsOfDirectory(atPath: try bundledDirectory().path)
        return Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
    }
}
