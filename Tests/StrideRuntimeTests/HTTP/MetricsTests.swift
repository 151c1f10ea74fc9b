import CoreMetrics
import Hummingbird
import HummingbirdTesting
import Metrics
import Testing

@testable import StrideRuntime

@Suite("Metrics")
struct MetricsTests {
    @Test func requestCounterUsesRoutePattern() async throws {
        let metrics = StrideMetrics()
        let app = try await HTTPTestApp.makeApplication(metrics: metrics)
        let token = try await HTTPTestApp.token(subject: "E7")
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/employees/E7/goals", method: .get, headers: HTTPTestApp.bearer(token)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/nope/123", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                #expect(text.contains(#"http_requests_total{method="GET",route="/v1/employees/{id}/goals",status="204"} 1"#), "\(text)")
                #expect(text.contains(#"route="NotFound",status="404"} 1"#))
                #expect(text.contains("http_request_duration_seconds_bucket"))
                #expect(!text.contains("E7"))
            }
        }
    }

    @Test func bootstrapIsIdempotentAndFeedsSwiftMetrics() async throws {
        let first = StrideMetrics.bootstrap()
        let second = StrideMetrics.bootstrap()
        #expect(first === second)
        Counter(label: "stride_test_outbox_published_total").increment(by: 3)
        let text = String(decoding: first.exposition(), as: UTF8.self)
        #expect(text.contains("stride_test_outbox_published_total 3"), "\(text)")
    }
}
