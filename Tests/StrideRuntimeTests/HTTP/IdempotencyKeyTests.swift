import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

@Suite("Idempotency-Key")
struct IdempotencyKeyTests {
    @Test func validKeyIsPassedThrough() async throws {
        let app = try await HTTPTestApp.makeApplication()
        var headers = HTTPTestApp.bearer(try await HTTPTestApp.token())
        headers[IdempotencyKey.headerName] = "3f1c-merit-run 2026"
        try await app.test(.router) { [headers] client in
            try await client.execute(uri: "/v1/writes", method: .post, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "3f1c-merit-run 2026")
            }
        }
    }

    @Test(arguments: [nil, "", String(repeating: "k", count: 256), "tab\there", "caf\u{E9}"])
    func invalidOrMissingKeyIs400(key: String?) async throws {
        let app = try await HTTPTestApp.makeApplication()
        var headers = HTTPTestApp.bearer(try await HTTPTestApp.token())
        if let key { headers[IdempotencyKey.headerName] = key }
        try await app.test(.router) { [headers] client in
            try await client.execute(uri: "/v1/writes", method: .post, headers: headers) { response in
                let body = try expectProblem(response, status: .badRequest)
                #expect((body["errors"] as? [[String: String]])?.first?["field"] == "Idempotency-Key")
            }
        }
    }

    @Test func lengthBoundaries() throws {
        #expect(try IdempotencyKey("a").value == "a")
        #expect(try IdempotencyKey(String(repeating: "k", count: 255)).value.count == 255)
        #expect(throws: Problem.self) { try IdempotencyKey(String(repeating: "k", count: 256)) }
    }
}
