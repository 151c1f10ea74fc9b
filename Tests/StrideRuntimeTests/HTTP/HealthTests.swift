import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

@Suite("Health endpoints")
struct HealthTests {
    struct BrokerDown: Error, CustomStringConvertible {
        var description: String { "broker unreachable" }
    }

    @Test func liveIsOKWithoutToken() async throws {
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(try json(response)["status"] as? String == "ok")
            }
        }
    }

    @Test func readyIsOKWhenAllChecksPass() async throws {
        let app = try await HTTPTestApp.makeApplication(readinessChecks: [
            ReadinessCheck("database") {},
            ReadinessCheck("broker") { try await Task.sleep(for: .milliseconds(10)) },
        ])
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["status"] as? String == "ready")
                let checks = try #require(body["checks"] as? [[String: Any]])
                #expect(checks.map { $0["name"] as? String } == ["database", "broker"])
                #expect(checks.allSatisfy { $0["status"] as? String == "ok" })
            }
        }
    }

    @Test func readyIs503ListingFailedAndTimedOutChecks() async throws {
        let app = try await HTTPTestApp.makeApplication(readinessChecks: [
            ReadinessCheck("database") {},
            ReadinessCheck("broker") { throw BrokerDown() },
            // Ignores cancellation on purpose: the report must not wait for it.
            ReadinessCheck("slow", timeout: .milliseconds(100)) {
                let deadline = ContinuousClock.now + .seconds(3)
                while ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            },
        ])
        try await app.test(.router) { client in
            let start = ContinuousClock.now
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(ContinuousClock.now - start < .seconds(2))
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try json(response)
                #expect(body["status"] as? Int == 503)
                let checks = try #require(body["checks"] as? [[String: Any]])
                let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0["name"] as! String, $0) })
                #expect(byName["database"]?["status"] as? String == "ok")
                #expect(byName["broker"]?["status"] as? String == "failed")
                #expect(byName["broker"]?["error"] as? String == "broker unreachable")
                #expect(byName["slow"]?["status"] as? String == "failed")
                #expect((byName["slow"]?["error"] as? String)?.contains("timed out") == true)
                #expect((body["detail"] as? String)?.contains("2 of 3") == true)
            }
        }
    }
}
