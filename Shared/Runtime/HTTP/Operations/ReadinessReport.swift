import Foundation
import Synchronization

/// The outcome of running every ``ReadinessCheck`` once.
public struct ReadinessReport: Sendable, Codable, Equatable {
    /// The outcome of one check.
    public struct CheckResult: Sendable, Codable, Equatable {
        /// The check's name.
        public var name: String
        /// `ok` or `failed`.
        public var status: String
        /// Whether a failure of this check makes the instance not ready.
        public var required: Bool
        /// Why it failed (the error's description with any credentials removed, or "timed out after …").
        public var error: String?
        /// How long it ran, in milliseconds.
        public var durationMs: Int

        enum CodingKeys: String, CodingKey {
            case name, status, required, error
            case durationMs = "duration_ms"
        }
    }

    /// One result per check, in the order the checks were given.
    public var checks: [CheckResult]

    /// Whether every required check passed.
    public var isReady: Bool { self.checks.allSatisfy { !$0.required || $0.status == "ok" } }

    /// Runs all checks concurrently, each bounded by its own timeout.
    ///
    /// A check that overruns its timeout is reported as failed and cancelled; the report does not
    /// wait for it to notice the cancellation.
    public static func run(_ checks: [ReadinessCheck]) async -> ReadinessReport {
        let results = await withTaskGroup(of: (Int, CheckResult).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await Self.run(check)) }
            }
            var results = [CheckResult?](repeating: nil, count: checks.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        return ReadinessReport(checks: results)
    }

    static func run(_ check: ReadinessCheck) async -> CheckResult {
        let start = ContinuousClock.now
        let failure: String? = await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            let work = Task {
                do {
                    try await check.check()
                    once.resume(nil)
                } catch {
                    once.resume(Redaction.removingCredentials(from: String(describing: error)))
                }
            }
            Task {
                try? await Task.sleep(for: check.timeout)
                if once.resume("timed out after \(check.timeout)") { work.cancel() }
            }
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return CheckResult(
            name: check.name, status: failure == nil ? "ok" : "failed", required: check.isRequired, error: failure,
            durationMs: milliseconds)
    }
}

/// Resumes a continuation exactly once: the check and its timer race, the first one wins.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<String?, Never>?>

    init(_ continuation: CheckedContinuation<String?, Never>) {
        self.continuation = Mutex(continuation)
    }

    /// Resumes if nobody has yet; returns whether this call did.
    @discardableResult
    func resume(_ value: String?) -> Bool {
        guard let continuation = self.continuation.withLock({ state in
            defer { state = nil }
            return state
        }) else { return false }
        continuation.resume(returning: value)
        return true
    }
}
