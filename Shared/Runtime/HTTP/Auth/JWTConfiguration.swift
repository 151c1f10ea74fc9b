/// How bearer tokens are verified: which keys, which issuer and audience, how much clock skew.
///
/// Development uses a shared HS256 secret (`JWT_SECRET`); production verifies RS256 tokens
/// against the identity provider's JWKS (`JWT_JWKS_URL`). Fetching the JWKS document is the
/// caller's job (at start-up); pass its JSON text to ``jwks(json:issuer:audience:)``.
public struct JWTConfiguration: Sendable {
    /// Where the verification keys come from.
    public enum KeySource: Sendable {
        /// A shared secret, HMAC-SHA256 (`alg: HS256`). Development and tests.
        case hs256(secret: String)
        /// A JSON Web Key Set document (RFC 7517), e.g. fetched from `JWT_JWKS_URL`. Tokens must use
        /// an asymmetric algorithm (RS256 and friends); the `kid` header selects the key.
        case jwks(json: String)
    }

    /// Where the verification keys come from.
    public var keySource: KeySource
    /// Required `iss` claim. Default `stride`.
    public var issuer: String
    /// Required `aud` claim, when set; tokens without this audience are rejected. Default: not checked.
    public var audience: String?
    /// Allowed clock skew when checking `exp`. Default 30 seconds.
    public var leeway: Duration

    /// Creates a configuration.
    /// - Parameters:
    ///   - keySource: Verification keys.
    ///   - issuer: Required `iss`.
    ///   - audience: Required `aud`, or nil to accept any.
    ///   - leeway: Clock skew allowed on `exp`.
    public init(keySource: KeySource, issuer: String = "stride", audience: String? = nil, leeway: Duration = .seconds(30)) {
        self.keySource = keySource
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
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
}
