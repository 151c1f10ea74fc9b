/// Why a bearer token was rejected. ``AuthenticationMiddleware`` turns it into a 401 problem
/// whose detail is ``description`` (safe to show: it never contains key material or the token);
/// ``Code/keysUnavailable`` alone is a 503, since the token may well be good.
public struct TokenVerificationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { self.name }

        /// Not a JWT (three base64url parts with a JSON header and payload), or required claims missing.
        public static let malformed = Code(name: "malformed")
        /// The header's `alg` is not allowed by the configuration (e.g. `none`, or HS256 against a JWKS).
        public static let algorithmNotAllowed = Code(name: "algorithmNotAllowed")
        /// The signature does not match any configured key.
        public static let invalidSignature = Code(name: "invalidSignature")
        /// The header's `kid` names no key of the JWKS (not even after fetching it again), or the
        /// token names no key while the set holds several.
        public static let unknownKey = Code(name: "unknownKey")
        /// `exp` is in the past (beyond the leeway).
        public static let expired = Code(name: "expired")
        /// `nbf` is in the future (beyond the leeway): the token is not valid yet.
        public static let notYetValid = Code(name: "notYetValid")
        /// `iat` is in the future (beyond the leeway): the issuer's clock or the token is wrong.
        public static let issuedInFuture = Code(name: "issuedInFuture")
        /// `iss` is missing or not the configured issuer.
        public static let invalidIssuer = Code(name: "invalidIssuer")
        /// `aud` does not include the configured audience.
        public static let invalidAudience = Code(name: "invalidAudience")
        /// The identity provider's keys (`JWT_JWKS_URL`) have not been fetched yet: the token cannot
        /// be checked. A 503, not a 401.
        public static let keysUnavailable = Code(name: "keysUnavailable")
        /// The verifier could not be configured (bad secret, JWKS or JWKS URL).
        public static let configuration = Code(name: "configuration")
    }

    /// The kind of failure.
    public var code: Code
    /// A message safe to show to the client.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
