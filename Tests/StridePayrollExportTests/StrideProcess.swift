import Foundation
import StrideTestSupport

/// Runs the real `stride` executable built next to the test bundle (`swift build --build-tests`
/// builds it), optionally armed with a failpoint, and reports how it ended.
struct StrideProcess {
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var reason: Process.TerminationReason
        var output: String

        var killedBySIGKILL: Bool { reason == .uncaughtSignal && status == SIGKILL }
        var succeeded: Bool { reason == .exit && status == 0 }

        var description: String {
            "\(reason == .exit ? "exit" : "signal") \(status); output:\n\(output)"
        }
    }

    static func executable() throws -> URL { try BuiltExecutable.url(named: "stride") }

    /// Runs `stride arguments…` to its end (terminated after `timeout`, which only catches a hang).
    static func run(_ arguments: [String], failpoint: String? = nil, timeout: Duration = .seconds(300)) async throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STRIDE_FAILPOINT"] = failpoint
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
