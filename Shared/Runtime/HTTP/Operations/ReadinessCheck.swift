/// One dependency `GET /health/ready` checks, e.g. "database" (`pool.ping()`) or "broker" (`producer.ping`).
public struct ReadinessCheck: Sendable {
    /// Name shown in the readiness report.
    public var name: String
    /// How long the check may take before it counts as failed.
    public var timeout: Duration
    /// The check: returns when the dependency is usable, throws otherwise.
    public var check: @Sendable () async throws -> Void

    /// Creates a check.
    /// - Parameters:
    ///   - name: Report name ("database", "broker").
    ///   - timeout: Deadline for one run; default 2 seconds.
    ///   - check: Throws when the dependency is not usable. Should honour task cancellation.
    public init(_ name: String, timeout: Duration = .seconds(2), check: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.timeout = timeout
        self.check = check
    }
}
