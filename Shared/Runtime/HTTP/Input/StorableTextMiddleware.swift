import Foundation
import Hummingbird

/// Refuses, before any route runs, a request whose path or query parameters PostgreSQL could not
/// store or whose query is ambiguous: 400 `application/problem+json` naming the parameter.
///
/// - a path or parameter that is not valid percent-encoded UTF-8, or that contains NUL (`%00`);
/// - a parameter given with an empty value (`status=`): a filter that says nothing is a client
///   bug, and ignoring it silently would answer a different question than the one asked.
///
/// JSON bodies are checked by ``StrideJSONRequestDecoder``, page cursors by ``PageCursor``.
public struct StorableTextMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try Self.check(path: request.uri.path)
        if let query = request.uri.query { try Self.check(query: query) }
        return try await next(request, context)
    }

    static func check(path: String) throws(Problem) {
        guard let decoded = path.removingPercentEncoding, StorableText.isStorable(decoded) else {
            throw Problem.badRequest("The request path is not valid percent-encoded UTF-8 text without NUL characters.")
        }
    }

    static func check(query: String) throws(Problem) {
        var names = Set<String>()
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(parts[0]).removingPercentEncoding, StorableText.isStorable(name) else {
                throw Problem.badRequest("A query parameter name is not valid percent-encoded UTF-8 text without NUL characters.")
            }
            let field = name.isEmpty ? "query" : name
            let rawValue = parts.count == 2 ? String(parts[1]) : ""
            guard let value = rawValue.removingPercentEncoding else {
                throw Problem.validation(field: field, "is not valid percent-encoded UTF-8")
            }
            guard StorableText.isStorable(value) else { throw Problem.validation(field: field, StorableText.nulMessage) }
            guard !value.isEmpty else {
                throw Problem.validation(field: field, "is empty: give a value or leave the parameter out")
            }
            // Every route reads one value per parameter: a second one would be silently ignored.
            guard names.insert(name).inserted else {
                throw Problem.validation(field: field, "is given more than once: give it once")
            }
        }
    }
}
