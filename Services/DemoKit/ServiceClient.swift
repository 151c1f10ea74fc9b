import Foundation
import StrideRuntime
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A service's HTTP API as the demo's users call it: every request carries the bearer token of
/// the person making it, and every answer is checked against the status it should have.
package struct ServiceClient: Sendable {
    package let baseURL: String
    /// A signed token per subject (employee id, or the HR user).
    package let tokens: [String: String]
    private let session: URLSession

    package init(baseURL: String, tokens: [String: String]) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.tokens = tokens
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.timeoutIntervalForRequest = 60
        self.session = URLSession(configuration: configuration)
    }

    /// One answer: its status and body.
    package struct Reply: Sendable {
        package var status: Int
        package var body: Data

        package var text: String { String(decoding: body, as: UTF8.self) }

        /// The `field` names of a problem+json's `errors`.
        package var problemFields: [String] {
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            return (object?["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }
    }

    /// Sends a request as `subject` (nil: no token) and returns whatever came back.
    package func send(_ method: String, _ path: String, as subject: String?, body: (any Encodable)? = nil) async throws -> Reply {
        guard let url = URL(string: baseURL + path) else { throw DemoError("bad URL \(baseURL + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let subject {
            guard let token = tokens[subject] else { throw DemoError("no token for \(subject)") }
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let (data, response) = try await session.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// Sends a request that must answer `expected`, and decodes the answer.
    /// - Throws: ``DemoError`` naming the request, the status and the problem the service sent.
    package func call<T: Decodable>(
        _ method: String, _ path: String, as subject: String?, expect expected: Int = 200, body: (any Encodable)? = nil,
        decoding type: T.Type = T.self
    ) async throws -> T {
        let reply = try await send(method, path, as: subject, body: body)
        try check(reply, expected, method, path, subject)
        do {
            return try JSONBody.decoder.decode(T.self, from: reply.body)
        } catch {
            throw DemoError("\(method) \(path) as \(subject ?? "anonymous"): cannot read the answer (\(error)): \(reply.text.prefix(300))")
        }
    }

    /// Like ``call(_:_:as:expect:body:decoding:)`` for answers the demo does not read.
    package func perform(_ method: String, _ path: String, as subject: String?, expect expected: Int = 200, body: (any Encodable)? = nil) async throws {
        let reply = try await send(method, path, as: subject, body: body)
        try check(reply, expected, method, path, subject)
    }

    /// Every item of a paginated list, following `next_cursor`.
    package func all<T: Decodable & Sendable>(_ path: String, as subject: String, pageSize: Int = 500, decoding type: T.Type = T.self) async throws -> [T] {
        var items: [T] = []
        var cursor: String?
        let separator = path.contains("?") ? "&" : "?"
        repeat {
            let page: ListPage<T> = try await call(
                "GET", path + separator + "limit=\(pageSize)" + (cursor.map { "&cursor=\($0)" } ?? ""), as: subject)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }

    private func check(_ reply: Reply, _ expected: Int, _ method: String, _ path: String, _ subject: String?) throws {
        guard reply.status != expected else { return }
        throw DemoError("\(method) \(path) as \(subject ?? "anonymous") answered \(reply.status), expected \(expected): \(reply.text.prefix(400))")
    }
}
