import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StrideContracts

/// Gives every request an id: the caller's `X-Request-Id` when it is sane (1–128 characters of
/// `A–Z a–z 0–9 - _ . :`), otherwise a new UUID. The id goes into the request logger's metadata and
/// is echoed in the `X-Request-Id` response header, so a client, the logs and a problem's
/// `request_id` all agree.
///
/// - Important: Add it to the router first, so every other middleware logs with the id.
public struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The logger metadata key. It is Hummingbird's own key, so Hummingbird's logging and
    /// `context.id` show the same id.
    public static var metadataKey: String { "hb.request.id" }

    /// The `X-Request-Id` header name.
    public static var headerName: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let id = request.headers[Self.headerName].flatMap(Self.validated) ?? UUID.random().uuidString.lowercased()
        var context = context
        context.logger[metadataKey: Self.metadataKey] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.headerName] = id
        return response
    }

    /// Accepts an incoming id only if it cannot be used to forge log lines.
    static func validated(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count) else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
        return allowed ? value : nil
    }
}
