import Foundation

/// The project's own executables (`stride`, `stride-goals`, the crash probe…) as SwiftPM built
/// them next to the test bundle, for tests that run them as operators would: as real processes.
public enum BuiltExecutable {
    /// How a run ended.
    public struct Outcome: CustomStringConvertible, Sendable {
        public var status: Int32
        public var reason: Process.TerminationReason
        /// Standard output and standard error, interleaved.
        public var output: String

        public var killedBySIGKILL: Bool { reason == .uncaughtSignal && status == SIGKILL }
        public var succeeded: Bool { reason == .exit && status == 0 }

        public var description: String {
            "\(reason == .exit ? "exit" : "signal") \(status); output:\n\(output)"
        }
    }

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

    /// Runs `name arguments…` to its end, with the tests' environment plus `environment` (a
    /// `nil` value removes the variable), and reports how it ended.
    /// - Parameter timeout: a hang bound, not a wait for an outcome: past it the process is
    ///   terminated and the outcome says so.
    public static func run(
        _ name: String, _ arguments: [String], environment extra: [String: String?] = [:], timeout: Duration
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = try url(named: name)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let ended = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        // Reading blocks until the process exits: a thread of its own, never the cooperative pool.
        let output = AsyncStream.makeStream(of: String.self)
        Thread {
            output.continuation.yield(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            output.continuation.finish()
        }.start()
        let hangBound = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        for await _ in ended.stream {}
        hangBound.cancel()
        var text = ""
        for await chunk in output.stream { text += chunk }
        return Outcome(status: process.terminationStatus, reason: process.terminationReason, output: text)
    }
}
