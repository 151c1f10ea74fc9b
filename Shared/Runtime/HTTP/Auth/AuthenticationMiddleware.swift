import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Requires a valid `Authorization: Bearer <jwt>` and puts the ``Principal`` on the context.
///
/// A missing, malformed, badly signed, expired, not yet valid or foreign token is a 401 problem
/// with a `WWW-Authenticate: Bearer` challenge. While the identity provider's keys (`JWT_JWKS_URL`)
/// have not been fetched, a token is answered 503 with `Retry-After`, since it may well be good.
/// Public routes (health, metrics) are registered on the router itself; put this middleware on
/// the group that holds the API:
///
/// ```swift
/// let api = router.group("v1").add(middleware: AuthenticationMiddleware<StrideRequestContext>(verifier: verifier))
/// ```
public struct AuthenticationMiddleware<Context: PrincipalRequestContext>: RouterMiddleware {
    let verifier: TokenVerifier

    /// Creates the middleware.
    /// - Parameter verifier: Verifies tokens (shared by all requests).
    public init(verifier: TokenVerifier) {
        self.verifier = verifier
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let authorization = request.headers[.authorization] else {
            throw Problem.unauthorized("A bearer token is required (Authorization: Bearer <token>).")
        }
        guard let token = Self.bearerToken(authorization) else {
            throw Problem.unauthorized("The Authorization header must use the Bearer scheme.", bearerError: "invalid_request")
        }
        let principal: Principal
        do {
            principal = try await self.verifier.verify(token)
        } catch let error where error.code == .keysUnavailable {
            // Not the token's fault: the identity provider's keys have not been fetched yet.
            context.logger.warning("Cannot verify bearer token", metadata: ["auth.failure": "\(error.code)"])
            var problem = Problem.unavailable(error.description)
            problem.headers[.retryAfter] = String(Self.retryAfterSeconds(self.verifier.configuration.jwksRefresh.minimumInterval))
            throw problem
        } catch {
            context.logger.debug("Rejected bearer token", metadata: ["auth.failure": "\(error.code)"])
            throw Problem.unauthorized(error.description, bearerError: "invalid_token")
        }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "auth.subject"] = .string(principal.subject)
        return try await next(request, context)
    }

    /// Whole seconds to suggest in `Retry-After` (at least 1).
    static func retryAfterSeconds(_ interval: Duration) -> Int64 {
        max(1, interval.components.seconds + (interval.components.attoseconds > 0 ? 1 : 0))
    }

    /// The token from `Bearer <token>` (scheme case-insensitive), or nil.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
