import HTTPTypes
import Hummingbird

/// `GET /metrics`: the Prometheus text exposition of a ``StrideMetrics`` registry.
///
/// - Important: Register on the router, not on an authenticated group: Prometheus scrapes without a token.
///   Restrict access at the network level if needed.
public struct MetricsRoutes: Sendable {
    /// The metrics served.
    public let metrics: StrideMetrics

    /// Creates the route.
    public init(metrics: StrideMetrics) {
        self.metrics = metrics
    }

    /// Adds `GET /metrics`.
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        router.get("metrics") { _, _ in
            let bytes = self.metrics.exposition()
            var headers = HTTPFields()
            headers[.contentType] = StrideMetrics.contentType
            headers[.contentLength] = String(bytes.count)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
