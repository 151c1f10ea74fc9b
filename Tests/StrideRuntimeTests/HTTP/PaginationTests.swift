import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

@Suite("Pagination")
struct PaginationTests {
    @Test func pagesThroughWithCursor() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let headers = HTTPTestApp.bearer(try await HTTPTestApp.token())
        try await app.test(.router) { client in
            let cursor = try await client.execute(uri: "/v1/items?limit=5", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect((body["items"] as? [[String: Int]])?.map { $0["id"] } == [1, 2, 3, 4, 5])
                return try #require(body["next_cursor"] as? String)
            }
            try await client.execute(uri: "/v1/items?limit=5&cursor=\(cursor)", method: .get, headers: headers) { response in
                let body = try json(response)
                #expect((body["items"] as? [[String: Int]])?.map { $0["id"] } == [6, 7])
                #expect(body["next_cursor"] == nil)
            }
        }
    }

    @Test(arguments: ["limit=0", "limit=501", "limit=ten", "cursor=%21%21%21", "cursor=bm90IGpzb24"])
    func invalidParametersAre400(query: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let headers = HTTPTestApp.bearer(try await HTTPTestApp.token())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/items?\(query)", method: .get, headers: headers) { response in
                let body = try expectProblem(response, status: .badRequest)
                let field = query.split(separator: "=")[0]
                #expect((body["errors"] as? [[String: String]])?.first?["field"] == String(field))
            }
        }
    }

    @Test func defaultsAndLimits() throws {
        let page = try PageRequest()
        #expect(page.limit == 50 && page.fetchLimit == 51 && page.cursor == nil)
        #expect(try PageRequest(limit: 500).limit == 500)
        #expect(throws: Problem.self) { try PageRequest(limit: 501) }
        struct Key: Codable, Equatable { var createdAt: String; var id: Int }
        let cursor = try PageCursor.encode(Key(createdAt: "2026-01-01", id: 9))
        #expect(!cursor.contains("=") && !cursor.contains("+") && !cursor.contains("/"))
        #expect(try PageRequest(limit: 10, cursor: cursor).cursorKey(as: Key.self) == Key(createdAt: "2026-01-01", id: 9))
    }

    @Test("a cursor holding an empty id (base64 of \"\") is forged, not the first page: 400 on cursor")
    func emptyStringCursorIsRefused() throws {
        let empty = try PageCursor.encode("")
        #expect(throws: Problem.self) { try PageRequest(limit: 10, cursor: empty).cursorKey(as: String.self) }
        #expect(try PageRequest(limit: 10, cursor: try PageCursor.encode("01ab")).cursorKey(as: String.self) == "01ab")
    }
}
