import Foundation
import StrideTestSupport

/// Runs the `StrideProbe` executable built next to the test bundle, optionally armed with a
/// failpoint, and reports how it ended.
struct ProbeProcess {
    struct Outcome {
        var status: Int32
        var reason: Process.TerminationReason
        var output: String

        var killedBySIGKILL: Bool { reason == .uncaughtSignal && status == SIGKILL }
        var succeeded: Bool { reason == .exit && status == 0 }
    }

    static func executable() throws -> URL { try BuiltExecutable.url(named: "StrideProbe") }

    /// Runs the probe to its end (at most `timeout`).
    static func run(_ arguments: [String], failpoint: String? = nil, timeout: Duration = .seconds(120)) async throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = try TestEnvironment.databaseURL()
        environment["KAFKA_BOOTSTRAP_SERVERS"] = try TestEnvironment.kafkaBootstrapServers()
        environment["STRIDE_FAILPOINT"] = failpoint
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let ended = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        // Reading blocks until the probe exits: a thread of its own, never the cooperative pool.
        let output = AsyncStream.makeStream(of: String.self)
        Thread {
            output.continuation.yield(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            output.continuation.finish()
        }.start()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        for await _ in ended.stream {}
        watchdog.cancel()
        var text = ""
        for await chunk in output.stream { text += chunk }
        return Outcome(status: process.terminationStatus, reason: process.terminationReason, output: text)
    }
}
