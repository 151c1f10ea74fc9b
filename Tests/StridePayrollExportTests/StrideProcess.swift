import Foundation
import StrideTestSupport

/// Runs the real `stride` executable built next to the test bundle (`swift build --build-tests`
/// builds it), optionally armed with a failpoint, and reports how it ended.
enum StrideProcess {
    typealias Outcome = BuiltExecutable.Outcome

    /// Runs `stride arguments…` to its end (terminated after `timeout`, which only catches a hang).
    static func run(_ arguments: [String], failpoint: String? = nil, timeout: Duration = .seconds(300)) async throws -> Outcome {
        try await BuiltExecutable.run("stride", arguments, environment: ["STRIDE_FAILPOINT": failpoint], timeout: timeout)
    }
}
