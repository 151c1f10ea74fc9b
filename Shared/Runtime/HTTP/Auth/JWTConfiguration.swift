import Foundation

/// How bearer tokens are verified: which keys, which issuer and audience, how much clock skew,
/// and where the roles are.
///
/// Development uses a shared HS256 secret (`JWT_SECRET`); production verifies RS256 tokens
/// against the identity provider's JWKS, fetched from `JWT_JWKS_URL` and kept fresh by the
/// verifier (see ``JWKSRefreshPolicy``), or given inline as `JWT_JWKS`.
public struct JWTConfiguration: Sendable {
    /// Where the verification keys come from.
    public enum KeySource: Sendable {
        /// A shared secret, HMAC-SHA256 (`alg: HS256`). Development and tests.
        case hs256(secret: String)
        /// A JSON Web Key Set document (RFC 7517) given as text. Tokens must use an asymmetric
        /// algorithm (RS256 and friends); the `kid` header selects the key.
        case jwks(json: String)
        /// The identity provider's JWKS endpoint. The verifier fetches the document at start, again
        /// when a token names a key it does not know (rotation) and when the copy is older than
        /// ``JWKSRefreshPolicy/maximumAge``, at most once per ``JWKSRefreshPolicy/minimumInterval``.
        /// Must be `https`, except on a loopback host (`127.0.0.1`, `localhost`, `[::1]`).
        case jwksURL(URL)
    }

    /// Where the verification keys come from.
    public var keySource: KeySource
    /// Required `iss` claim. Default `stride`.
    public var issuer: String
    /// Required `aud` claim, when set; tokens without this audience are rejected. Default: not checked.
    public var audience: String?
    /// Allowed clock skew when checking `exp`, `nbf` and `iat`. Default 30 seconds.
    public var leeway: Duration
    /// The claim holding the role names: a top-level claim name (`roles`, `groups`,
    /// `https://stride.example/roles`) or a dotted path into nested objects (`realm_access.roles`).
    /// A claim whose full name matches wins over the path reading. Default `roles`.
    public var rolesClaim: String
    /// How a ``KeySource/jwksURL(_:)`` key set is refreshed; ignored for the other sources.
    public var jwksRefresh: JWKSRefreshPolicy

    /// Creates a configuration.
    /// - Parameters:
    ///   - keySource: Verification keys.
    ///   - issuer: Required `iss`.
    ///   - audience: Required `aud`, or nil to accept any.
    ///   - leeway: Clock skew allowed on `exp`, `nbf` and `iat`.
    ///   - rolesClaim: The claim (or dotted path) with the role names.
    ///   - jwksRefresh: Refresh policy for a JWKS URL.
    public init(
        keySource: KeySource, issuer: String = "stride", audience: String? = nil, leeway: Duration = .seconds(30),
        rolesClaim: String = "roles", jwksRefresh: JWKSRefreshPolicy = JWKSRefreshPolicy()
    ) {
        self.keySource = keySource
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.rolesClaim = rolesClaim
        self.jwksRefresh = jwksRefresh
    }

    /// HS256 with a shared secret (development).
    /// - Important: Use a long random secret (at least 32 bytes); anyone holding it can mint tokens.
    public static func hs256(secret: String, issuer: String = "stride", audience: String? = nil) -> JWTConfiguration {
        JWTConfiguration(keySource: .hs256(secret: secret), issuer: issuer, audience: audience)
    }

    /// RS256 (or another asymmetric algorithm) against a JWKS document's JSON text.
    public static func jwks(json: String, issuer: String = "stride", audience: String? = nil) -> JWTConfiguration {
        JWTConfiguration(keySource: .jwks(json: json), issuer: issuer, audience: audience)
    }

    /// RS256 (or another asymmetric algorithm) against the JWKS served at `url`, refreshed as `refresh` says.
    public static func jwksURL(
        _ url: URL, issuer: String = "stride", audience: String? = nil, refresh: JWKSRefreshPolicy = JWKSRefreshPolicy()
    ) -> JWTConfiguration {
        JWTConfiguration(keySource: .jwksURL(url), issuer: issuer, audience: audience, jwksRefresh: refresh)
    }
}
