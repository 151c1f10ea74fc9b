import CoreMetrics
import Metrics
import Prometheus

/// Owns the Prometheus registry that `GET /metrics` serves.
///
/// HTTP request metrics (``RequestMetricsMiddleware``) write to ``registry`` directly. Everything
/// else in the process that uses swift-metrics (`Counter(label:)`, `Gauge`, `Timer`: outbox lag,
/// consumer lag, DLQ count) reaches the same registry once ``bootstrap()`` has installed it as the
/// `MetricsSystem` backend.
public final class StrideMetrics: Sendable {
    /// The registry rendered by ``exposition()``.
    public let registry: PrometheusCollectorRegistry

    /// Creates metrics with their own registry, NOT connected to swift-metrics' `MetricsSystem`.
    /// Good for tests; services use ``bootstrap()``.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// The process-wide instance, whose registry is the `MetricsSystem` backend.
    ///
    /// Safe to call any number of times, from any thread: `MetricsSystem.bootstrap` runs exactly
    /// once per process (on the first call) and every call returns the same instance.
    /// - Important: Nothing else in the process may call `MetricsSystem.bootstrap`; swift-metrics
    ///   traps on a second bootstrap.
    public static func bootstrap() -> StrideMetrics { process }

    private static let process: StrideMetrics = {
        let metrics = StrideMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        return metrics
    }()

    /// The registry in the Prometheus text exposition format (version 0.0.4).
    public func exposition() -> [UInt8] {
        var buffer = [UInt8]()
        buffer.reserveCapacity(4096)
        self.registry.emit(into: &buffer)
        return buffer
    }

    /// The `Content-Type` of ``exposition()``.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"
}
