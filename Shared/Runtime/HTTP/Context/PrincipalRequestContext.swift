import Hummingbird

/// A request context that can carry the authenticated ``Principal``.
///
/// ``StrideRequestContext`` is the standard one; a service that needs more per-request state
/// can write its own context conforming to this and still use ``AuthenticationMiddleware``.
public protocol PrincipalRequestContext: RequestContext {
    /// The caller, set by ``AuthenticationMiddleware``; nil on public routes.
    var principal: Principal? { get set }
}

extension PrincipalRequestContext {
    /// The authenticated caller.
    /// - Throws: ``Problem/unauthorized(_:bearerError:)`` (401) when the route was reached without authentication.
    public func requirePrincipal() throws(Problem) -> Principal {
        guard let principal else {
            throw Problem.unauthorized("Authentication is required.")
        }
        return principal
    }
}
