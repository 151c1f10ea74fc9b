import Hummingbird
import Logging

/// The composition of a Stride service's HTTP server: the standard router and the `Application`.
///
/// ```swift
/// let router = StrideHTTPServer.makeRouter(metrics: .bootstrap(), readinessChecks: [
///     ReadinessCheck("database") { try await pool.ping() },
/// ])
/// let api = router.group("v1").add(middleware: AuthenticationMiddleware<StrideRequestContext>(verifier: verifier))
/// GoalRoutes(store: store).register(on: api)
/// let app = StrideHTTPServer.makeApplication(router: router, configuration: .init(port: port), logger: logger)
/// // app is a Service: put it in the ServiceGroup (after the pool and producer, so it stops first).
/// ```
public enum StrideHTTPServer {
    /// A router with Stride's middleware and the public operations routes.
    ///
    /// Middleware, outermost first: ``RequestIDMiddleware``, ``RequestMetricsMiddleware``,
    /// ``ProblemMiddleware``, ``StorableTextMiddleware``. Routes: `GET /health/live`, `GET /health/ready`, `GET /metrics`,
    /// all without authentication. Add the API on a group with ``AuthenticationMiddleware``.
    /// - Parameters:
    ///   - context: The request context type; ``StrideRequestContext`` by default.
    ///   - metrics: Where request metrics go and what `/metrics` serves.
    ///   - readinessChecks: What `/health/ready` checks.
    public static func makeRouter<Context: RequestContext>(
        context: Context.Type = StrideRequestContext.self,
        metrics: StrideMetrics,
        readinessChecks: [ReadinessCheck] = []
    ) -> Router<Context> {
        let router = Router(context: Context.self)
        router.add(middleware: RequestIDMiddleware<Context>())
        router.add(middleware: RequestMetricsMiddleware<Context>(metrics: metrics))
        router.add(middleware: ProblemMiddleware<Context>())
        router.add(middleware: StorableTextMiddleware<Context>())
        HealthRoutes(checks: readinessChecks).register(on: router)
        MetricsRoutes(metrics: metrics).register(on: router)
        return router
    }

    /// The Hummingbird application serving `router`.
    ///
    /// The result is a swift-service-lifecycle `Service`: run it in the service's `ServiceGroup`,
    /// which stops it gracefully (in-flight requests finish) on SIGTERM.
    /// - Parameters:
    ///   - router: The router, usually from ``makeRouter(context:metrics:readinessChecks:)``.
    ///   - configuration: Host, port, server name.
    ///   - logger: The service's logger (request loggers derive from it).
    public static func makeApplication<Context: RequestContext>(
        router: Router<Context>,
        configuration: HTTPServerConfiguration,
        logger: Logger
    ) -> Application<RouterResponder<Context>> where Context.Source == ApplicationRequestContextSource {
        Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: configuration.serverName
            ),
            logger: logger
        )
    }
}
