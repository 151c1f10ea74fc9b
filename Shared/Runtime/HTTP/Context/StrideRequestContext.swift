import Hummingbird
import Logging

/// The request context every Stride service routes with.
///
/// It carries the authenticated ``Principal`` (set by ``AuthenticationMiddleware``), the request id
/// in its logger (set by ``RequestIDMiddleware``), and Stride's JSON conventions (snake_case keys,
/// ISO 8601 dates) for `request.decode(as:context:)` and for `Encodable` route results.
public struct StrideRequestContext: PrincipalRequestContext, Sendable {
    public var coreContext: CoreRequestContextStorage
    /// The caller; nil until ``AuthenticationMiddleware`` has run, and on public routes.
    public var principal: Principal?
    /// Largest request body `request.decode(as:context:)` accepts; larger bodies get a 413 problem.
    public var maxUploadSize: Int

    /// The default ``maxUploadSize``: 1 MiB.
    public static let defaultMaxUploadSize = 1 << 20

    /// Called by Hummingbird for every request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.maxUploadSize = Self.defaultMaxUploadSize
    }

    /// Decodes JSON bodies with ``JSONBody/decoder``; errors become 400/413/415 problems.
    public var requestDecoder: StrideJSONRequestDecoder { StrideJSONRequestDecoder() }
    /// Encodes results with ``JSONBody/encoder`` as `application/json`.
    public var responseEncoder: StrideJSONResponseEncoder { StrideJSONResponseEncoder() }
}
