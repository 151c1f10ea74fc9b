/// One dependency `GET /health/ready` checks, e.g. "database" (`pool.ping()`) or "broker" (`producer.ping`).
///
/// A check either decides readiness (the database: without it no request can succeed) or only
/// informs (the broker: writes succeed without it, the outbox holds their events), in which case
/// its state is shown in the report's body but a failure does not take the instance out of the
/// load balancer.
public struct ReadinessCheck: Sendable {
    /// Name shown in the readiness report.
    public var name: String
    /// How long the check may take before it counts as failed.
    public var timeout: Duration
    /// Whether a failure makes the instance not ready (503); otherwise it is only reported.
    public var isRequired: Bool
    /// The check: returns when the dependency is usable, throws otherwise.
    public var check: @Sendable () async throws -> Void

    /// Creates a check.
    /// - Parameters:
    ///   - name: Report name ("database", "broker").
    ///   - timeout: Deadline for one run; default 2 seconds.
    ///   - required: Whether a failure makes the instance not ready; default true.
    ///   - check: Throws when the dependency is not usable. Should honour task cancellation.
    public init(
        _ name: String, timeout: Duration = .seconds(2), required: Bool = true,
        check: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.timeout = timeout
        self.isRequired = required
        self.check = check
    }
}
