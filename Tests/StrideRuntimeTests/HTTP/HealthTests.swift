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
            try await client.execute(uri: "/health/ready", method: .get) { response throws in
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
        // The "hung" check never returns by itself and ignores cancellation: it is released only
        // after the response arrived, which proves the report did not wait for it.
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let app = try await HTTPTestApp.makeApplication(readinessChecks: [
            ReadinessCheck("database") {},
            ReadinessCheck("broker") { throw BrokerDown() },
            ReadinessCheck("hung", timeout: .milliseconds(100)) {
                await withTaskCancellationHandler {
                    for await _ in release { break }
                } onCancel: {}
            },
        ])
        defer { releaseContinuation.finish() }
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/ready", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try json(response)
                #expect(body["status"] as? Int == 503)
                let checks = try #require(body["checks"] as? [[String: Any]])
                let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0["name"] as! String, $0) })
                #expect(byName["database"]?["status"] as? String == "ok")
                #expect(byName["broker"]?["status"] as? String == "failed")
                #expect(byName["broker"]?["error"] as? String == "broker unreachable")
                #expect(byName["hung"]?["status"] as? String == "failed")
                #expect((byName["hung"]?["error"] as? String)?.contains("timed out") == true)
                #expect((body["detail"] as? String)?.contains("2 of 3") == true)
            }
        }
    }

    @Test func aFailingInformationalCheckIsReportedButTheInstanceStaysReady() async throws {
        let app = try await HTTPTestApp.makeApplication(readinessChecks: [
            ReadinessCheck("database") {},
            ReadinessCheck("broker", required: false) { throw BrokerDown() },
        ])
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/ready", method: .get) { response throws in
                #expect(response.status == .ok)
                let body = try json(response)
                let checks = try #require(body["checks"] as? [[String: Any]])
                let broker = try #require(checks.first { $0["name"] as? String == "broker" })
                #expect(broker["status"] as? String == "failed")
                #expect(broker["required"] as? Bool == false)
                #expect(broker["error"] as? String == "broker unreachable")
            }
        }
    }

    struct LeakyError: Error, CustomStringConvertible {
        var description: String {
            "could not connect to postgres://stride:s3cr3t-pw@db.internal:5432/stride (password=s3cr3t-pw)"
        }
    }

    @Test func failureTextsNeverShowCredentials() async throws {
        let app = try await HTTPTestApp.makeApplication(readinessChecks: [ReadinessCheck("database") { throw LeakyError() }])
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/ready", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                let text = String(buffer: response.body)
                #expect(!text.contains("s3cr3t-pw"), "\(text)")
                #expect(text.contains("db.internal:5432"), "the host is still useful to operators: \(text)")
            }
        }
    }
}
