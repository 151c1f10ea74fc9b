import Hummingbird

/// Records `http_requests_total{method,route,status}` and `http_request_duration_seconds{method,route,status}`.
///
/// `route` is the matched route pattern (`/goals/{id}`, as Hummingbird prints it), or `NotFound` for unknown paths, so raw
/// ids never become label values.
/// - Important: Add it to the router outside ``ProblemMiddleware`` so it sees the final status of
///   every request, including errors turned into problems.
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: StrideMetrics

    /// Creates the middleware.
    /// - Parameter metrics: Where to record.
    public init(metrics: StrideMetrics) {
        self.metrics = metrics
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            self.record(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            self.record(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        self.metrics.recordRequest(
            method: request.method.rawValue,
            route: context.endpointPath ?? "NotFound",
            status: status,
            duration: ContinuousClock.now - start
        )
    }
}
