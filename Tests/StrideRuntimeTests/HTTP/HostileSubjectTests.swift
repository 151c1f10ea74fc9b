import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

/// A correctly signed token can still carry a subject no service should store or log: refused with 401.
@Suite("Hostile token subjects")
struct HostileSubjectTests {
    @Test(arguments: ["E1\u{0}", "\u{0}", "   ", "E1\nforged log line", "E1\u{1B}[31m", String(repeating: "x", count: 300)])
    func refused(subject: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(subject: subject)
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                try expectProblem(response, status: .unauthorized)
            }
        }
    }

    @Test func unicodeNamesAreFine() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(subject: "É-1001")
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                #expect(response.status == .ok)
            }
        }
    }
}
