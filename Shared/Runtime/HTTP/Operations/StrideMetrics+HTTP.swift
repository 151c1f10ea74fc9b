import Prometheus

extension StrideMetrics {
    /// Buckets of `http_request_duration_seconds`, 5 ms to 10 s.
    static let requestDurationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// Records one finished request.
    /// - Parameters:
    ///   - method: HTTP method.
    ///   - route: The route pattern (`/goals/{id}`, as Hummingbird prints it), never the raw path, to keep label cardinality bounded.
    ///   - status: Response status code.
    ///   - duration: Time to produce the response.
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        self.registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "http_requests", unitName: "total", helpText: "HTTP requests by method, route pattern and status."
            ),
            labels: labels
        ).increment()
        self.registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to produce an HTTP response, by method, route pattern and status."
            ),
            labels: labels,
            buckets: Self.requestDurationBuckets
        ).record(duration)
    }
}
