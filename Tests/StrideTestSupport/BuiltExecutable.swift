import Foundation

/// The project's own executables (`stride`, `stride-goals`, the crash probe…) as SwiftPM built
/// them next to the test bundle, for tests that run them as operators would: as real processes.
public enum BuiltExecutable {
    /// The executable called `name` in the build directory of the running tests.
    /// - Throws: ``MissingInfrastructure`` naming where it looked when it is not built.
    public static func url(named name: String) throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name),
            Bundle.main.bundleURL.appendingPathComponent(name),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingInfrastructure(
                description: "\(name) is not built; run `swift build --build-tests` first (looked in \(candidates.map(\.path)))")
        }
        return found
    }
}
