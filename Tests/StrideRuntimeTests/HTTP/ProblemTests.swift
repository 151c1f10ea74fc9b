import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

@Suite("Problem details")
struct ProblemTests {
    @Test func unknownRouteIs404Problem() async throws {
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                let body = try expectProblem(response, status: .notFound)
                #expect(body["type"] as? String == "https://stride.dev/problems/not-found")
                #expect(body["instance"] as? String == "/nope")
            }
        }
    }

    @Test func validBodyDecodesWithSnakeCase() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        let body = #"{"title":"Ship v1","weight_percent":40,"due_date":"2026-06-30T00:00:00Z"}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/goals", method: .post, headers: HTTPTestApp.bearer(token), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let result = try json(response)
                #expect(result["goal_id"] as? String == "G1")
                #expect(result["weight_percent"] as? Double == 40)
            }
        }
    }

    @Test(arguments: [
        (#"{"title":"x","weight_percent":"forty"}"#, "weight_percent", "expected a number"),
        (#"{"weight_percent":40}"#, "title", "is required"),
        (#"{"title":null,"weight_percent":40}"#, "title", "found null"),
        (#"{"title":"x","weight_percent":1,"key_results":[{"target_value":1},{"target_value":true}]}"#,
         "key_results[1].target_value", "expected a number"),
        (#"{"title":"x","weight_percent":1,"due_date":"tomorrow"}"#, "due_date", "ISO"),
    ])
    func badFieldIs400NamingTheField(body: String, field: String, message: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/goals", method: .post, headers: HTTPTestApp.bearer(token), body: ByteBuffer(string: body)
            ) { response in
                let problem = try expectProblem(response, status: .badRequest)
                #expect(problem["type"] as? String == "https://stride.dev/problems/validation")
                let detail = try #require(problem["detail"] as? String)
                #expect(detail.contains("field '\(field)'"), "\(detail)")
                #expect(detail.contains(message), "\(detail)")
                let errors = try #require(problem["errors"] as? [[String: String]])
                #expect(errors.first?["field"] == field)
            }
        }
    }

    @Test func notJSONIs400() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/goals", method: .post, headers: HTTPTestApp.bearer(token), body: ByteBuffer(string: "{title:")
            ) { response in
                let problem = try expectProblem(response, status: .badRequest)
                #expect((problem["detail"] as? String)?.contains("not valid JSON") == true)
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        let app = try await HTTPTestApp.makeApplication()
        var headers = HTTPTestApp.bearer(try await HTTPTestApp.token())
        headers[.contentType] = "application/x-www-form-urlencoded"
        try await app.test(.router) { [headers] client in
            try await client.execute(uri: "/v1/goals", method: .post, headers: headers, body: ByteBuffer(string: "a=b")) {
                _ = try expectProblem($0, status: .unsupportedMediaType)
            }
        }
    }

    @Test func oversizedBodyIs413() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        let big = #"{"title":""# + String(repeating: "x", count: StrideRequestContext.defaultMaxUploadSize + 10) + #"","weight_percent":1}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/goals", method: .post, headers: HTTPTestApp.bearer(token), body: ByteBuffer(string: big)
            ) { response in
                _ = try expectProblem(response, status: .contentTooLarge)
            }
        }
    }

    @Test func unknownErrorIs500WithoutLeakingIt() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/boom", method: .get, headers: HTTPTestApp.bearer(token) + [RequestIDMiddleware<StrideRequestContext>.headerName: "req-123"]
            ) { response in
                let problem = try expectProblem(response, status: .internalServerError)
                let text = String(buffer: response.body)
                #expect(!text.contains("hunter2"))
                #expect(!text.contains("Failure"))
                #expect(problem["request_id"] as? String == "req-123")
                #expect(response.headers[RequestIDMiddleware<StrideRequestContext>.headerName] == "req-123")
            }
        }
    }

    @Test func requestIDIsGeneratedWhenMissingOrUnsafe() async throws {
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            let header = RequestIDMiddleware<StrideRequestContext>.headerName
            try await client.execute(uri: "/health/live", method: .get, headers: [header: "bad id\twith tab"]) { response in
                let id = try #require(response.headers[header])
                #expect(id != "bad id\twith tab")
                #expect(UUID(uuidString: id) != nil)
            }
        }
    }

    @Test func hummingbirdHTTPErrorKeepsStatusAndMessage() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/conflict", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let problem = try expectProblem(response, status: .conflict)
                #expect(problem["detail"] as? String == "goal G1 already exists")
            }
        }
    }

    @Test func decodingProblemHelpers() {
        let problem = Problem.decoding(DecodingError.typeMismatch(Int.self, .init(codingPath: [], debugDescription: "x")))
        #expect(problem.status == .badRequest)
        #expect(problem.detail == "field 'body': expected an integer")
        #expect(Problem.snakeCase("weightPercent") == "weight_percent")
        #expect(Problem.snakeCase("id") == "id")
        #expect(Problem.validation(field: "limit", "too big").detail == "field 'limit': too big")
    }
}

extension HTTPFields {
    static func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
        var result = lhs
        result.append(contentsOf: rhs)
        return result
    }
}
