import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

/// Text PostgreSQL cannot store (NUL) and ambiguous queries are refused at the boundary with a
/// 4xx naming the field, for every service, before any route or database sees them.
@Suite("Storable text at the boundary")
struct StorableTextTests {
    @Test("a NUL escaped in a JSON string is a 400 naming the field", arguments: [
        (#"{"title":"a\u0000b","weight_percent":10}"#, "title"),
        (#"{"title":"ok","weight_percent":10,"key_results":[{"target_value":1},{"target_value":2,"note":"\u0000"}]}"#, "key_results[1].note"),
        (#"{"title":"ok","weight_percent":10,"ex\u0000tra":1}"#, "ex\u{0}tra"),
    ])
    func nulInBody(body: String, field: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            var headers = HTTPTestApp.bearer(token)
            headers[.contentType] = "application/json"
            try await client.execute(uri: "/v1/goals", method: .post, headers: headers, body: ByteBuffer(string: body)) { response throws in
                let problem = try expectProblem(response, status: .badRequest)
                let errors = try #require(problem["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == field)
                #expect((errors.first?["message"] as? String)?.contains("NUL") == true)
            }
        }
    }

    @Test("an escaped backslash followed by u0000 is ordinary text")
    func escapedBackslashIsNotNUL() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            var headers = HTTPTestApp.bearer(token)
            headers[.contentType] = "application/json"
            let body = #"{"title":"C:\\u0000","weight_percent":10}"#
            try await client.execute(uri: "/v1/goals", method: .post, headers: headers, body: ByteBuffer(string: body)) { response throws in
                #expect(response.status == .created)
                #expect(try json(response)["title"] as? String == #"C:\u0000"#)
            }
        }
    }

    @Test("query parameters with NUL, bad encoding, no value or given twice are refused, naming the parameter", arguments: [
        ("/v1/filtered?status=%00", "status"),
        ("/v1/filtered?status=a%00b", "status"),
        ("/v1/filtered?status=", "status"),
        ("/v1/filtered?status", "status"),
        ("/v1/filtered?status=%E2%28", "status"),
        ("/v1/filtered?status=%zz", "status"),
        ("/v1/filtered?status=a&status=b", "status"),
        ("/v1/filtered?status=a&st%61tus=b", "status"),
    ])
    func badQuery(uri: String, field: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                let problem = try expectProblem(response, status: .badRequest)
                let errors = try #require(problem["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == field)
            }
        }
    }

    @Test("a valid query passes through, decoded")
    func goodQuery() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/filtered?status=at%20risk&&x=1", method: .get, headers: HTTPTestApp.bearer(token)) {
                response throws in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "at risk")
            }
        }
    }

    @Test("a NUL in the path is refused before routing")
    func nulInPath() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/employees/E1%00/goals", method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                try expectProblem(response, status: .badRequest)
            }
        }
    }

    @Test("a forged cursor holding a NUL is an invalid cursor, not a 500")
    func nulInCursor() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        let forged = Base64URL.encode(Data(#"{"lastId":1,"x":"\u0000"}"#.utf8))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/items?cursor=\(forged)", method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                let problem = try expectProblem(response, status: .badRequest)
                let errors = try #require(problem["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == "cursor")
            }
        }
    }

    @Test("a database outage is a 503 with Retry-After that shows no credentials")
    func databaseOutageIs503() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/database-down", method: .get, headers: HTTPTestApp.bearer(token)) { response throws in
                try expectProblem(response, status: .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(!String(buffer: response.body).contains("hunter2"))
            }
        }
    }

    @Test("the byte scan tells an escaped NUL from an escaped backslash")
    func scan() {
        #expect(StorableText.containsEscapedNUL(Data(#""\u0000""#.utf8)))
        #expect(StorableText.containsEscapedNUL(Data(#""\\\u0000""#.utf8)))
        #expect(!StorableText.containsEscapedNUL(Data(#""\\u0000""#.utf8)))
        #expect(StorableText.containsEscapedNUL(Data(#""\u00001""#.utf8)))
        #expect(!StorableText.containsEscapedNUL(Data(#""plain text \n \u00e9""#.utf8)))
    }
}
