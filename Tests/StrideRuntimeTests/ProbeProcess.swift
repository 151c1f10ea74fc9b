import Foundation
import StrideTestSupport

/// Runs the `StrideProbe` executable built next to the test bundle, optionally armed with a
/// failpoint, and reports how it ended.
enum ProbeProcess {
    typealias Outcome = BuiltExecutable.Outcome

    /// Runs the probe to its end (terminated after `timeout`, which only catches a hang).
    static func run(_ arguments: [String], failpoint: String? = nil, timeout: Duration = .seconds(120)) async throws -> Outcome {
        try await BuiltExecutable.run(
            "StrideProbe", arguments,
            environment: [
                "DATABASE_URL": try TestEnvironment.databaseURL(), "KAFKA_BOOTSTRAP_SERVERS": try TestEnvironment.kafkaBootstrapServers(),
                "STRIDE_FAILPOINT": failpoint,
            ],
            timeout: timeout)
    }
}
