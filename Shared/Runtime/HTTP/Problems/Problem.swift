import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem detail, sent as `application/problem+json`.
///
/// Throw it from a route or middleware; it renders itself (it is an `HTTPResponseError`), and
/// ``ProblemMiddleware`` turns every other error into one as well, so clients see one error format.
///
/// ```json
/// {"type":"https://stride.dev/problems/validation","title":"Validation failed","status":400,
///  "detail":"field 'weight': expected a number","instance":"/goals","request_id":"…",
///  "errors":[{"field":"weight","message":"expected a number"}]}
/// ```
public struct Problem: Error, HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    /// The base of Stride's problem type URIs.
    public static let typeBase = "https://stride.dev/problems/"

    /// A URI identifying the kind of problem, e.g. `https://stride.dev/problems/validation`, or `about:blank`.
    public var type: String
    /// A short, human-readable summary of the kind of problem (the same for every occurrence of a type).
    public var title: String
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// An explanation specific to this occurrence, safe to show to the client.
    public var detail: String?
    /// The request path this occurrence is about (filled in by ``ProblemMiddleware``).
    public var instance: String?
    /// Invalid fields (extension member `errors`), for validation problems.
    public var errors: [FieldError]
    /// The request id (extension member `request_id`, filled in by ``ProblemMiddleware``) to quote to operators.
    public var requestID: String?
    /// Extra response headers, e.g. `WWW-Authenticate` on a 401.
    public var headers: HTTPFields

    /// Creates a problem.
    /// - Parameters:
    ///   - type: Problem type URI; `about:blank` when the status says it all.
    ///   - title: Short summary; defaults to the status's reason phrase.
    ///   - status: HTTP status.
    ///   - detail: Occurrence-specific explanation, safe for clients.
    ///   - errors: Field errors for validation problems.
    ///   - headers: Extra response headers.
    public init(
        type: String = "about:blank",
        title: String? = nil,
        status: HTTPResponse.Status,
        detail: String? = nil,
        errors: [FieldError] = [],
        headers: HTTPFields = [:]
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.instance = nil
        self.errors = errors
        self.requestID = nil
        self.headers = headers
    }

    public var description: String {
        "Problem(\(self.status.code) \(self.title)\(self.detail.map { ": \($0)" } ?? ""))"
    }

    /// The `Content-Type` of problem responses.
    public static let mediaType = "application/problem+json"

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try Self.encoder.encode(Body(self))
        var headers = self.headers
        headers[.contentType] = Self.mediaType
        headers[.contentLength] = String(body.count)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The wire form; keys spelled out so they never depend on an encoder's key strategy.
    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var instance: String?
        var errors: [FieldError]?
        var requestID: String?

        init(_ problem: Problem) {
            self.type = problem.type
            self.title = problem.title
            self.status = problem.status.code
            self.detail = problem.detail
            self.instance = problem.instance
            self.errors = problem.errors.isEmpty ? nil : problem.errors
            self.requestID = problem.requestID
        }

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, instance, errors
            case requestID = "request_id"
        }
    }
}
