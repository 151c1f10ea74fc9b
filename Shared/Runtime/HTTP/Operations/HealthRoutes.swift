import Hummingbird

/// `GET /health/live` and `GET /health/ready`.
///
/// - `live`: 200 `{"status":"ok"}` while the process serves HTTP (restart it if this fails).
/// - `ready`: runs every ``ReadinessCheck``; 200 `{"status":"ready","checks":[…]}` when every
///   required check passes (informational ones, such as the broker, are reported in `checks`
///   either way), otherwise 503 `application/problem+json` with the same `checks` list (take it
///   out of the load balancer). Error texts never carry credentials.
///
/// - Important: Register on the router, not on an authenticated group: probes carry no token.
public struct HealthRoutes: Sendable {
    /// The readiness checks.
    public var checks: [ReadinessCheck]

    /// Creates the routes.
    /// - Parameter checks: Dependencies `ready` checks (e.g. database, broker).
    public init(checks: [ReadinessCheck] = []) {
        self.checks = checks
    }

    /// Adds the two routes.
    /// - Parameter router: The router (or an unauthenticated group).
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        router.get("health/live") { _, _ in
            try Response.json(["status": "ok"])
        }
        router.get("health/ready") { _, _ in
            let report = await ReadinessReport.run(self.checks)
            if report.isReady {
                return try Response.json(ReadyBody(status: "ready", checks: report.checks))
            }
            let failed = report.checks.filter { $0.required && $0.status != "ok" }.map(\.name)
            let body = NotReadyBody(
                type: Problem.typeBase + "not-ready",
                title: "Service not ready",
                status: 503,
                detail: "\(failed.count) of \(report.checks.filter(\.required).count) required readiness checks failed: \(failed.joined(separator: ", "))",
                checks: report.checks
            )
            var response = try Response.json(body, status: .serviceUnavailable)
            response.headers[.contentType] = Problem.mediaType
            return response
        }
    }

    struct ReadyBody: Encodable {
        var status: String
        var checks: [ReadinessReport.CheckResult]
    }

    struct NotReadyBody: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var checks: [ReadinessReport.CheckResult]
    }
}
