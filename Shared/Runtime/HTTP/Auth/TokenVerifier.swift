import Foundation
import JWTKit
import Logging

/// Verifies bearer tokens and turns them into a ``Principal``.
///
/// Checks, in order: the token's shape, that its `alg` is allowed for the configured keys (so an
/// HS256 token can never be checked against a public key, and `none` is never accepted), that its
/// `kid` names a key of the JWKS (fetching the set again when it does not, see
/// ``JWKSRefreshPolicy``), the signature, `exp`, `nbf` and `iat` (with the leeway), `iss`, `aud`
/// when configured, and the roles claim.
///
/// With ``JWTConfiguration/KeySource/jwksURL(_:)`` the set is fetched once while the verifier is
/// created. If that fails (identity provider down, network not up yet) the verifier is created
/// anyway and logs the failure: tokens are answered with ``TokenVerificationError/Code/keysUnavailable``
/// (503) and the fetch is retried by later requests and by ``checkKeys()``, at most once per
/// minimum interval, until it succeeds.
public struct TokenVerifier: Sendable {
    /// The configuration this verifier was built from.
    public let configuration: JWTConfiguration
    let keys: Keys
    let allowedAlgorithms: Set<String>
    let rolesClaim: RolesClaim

    /// Where the keys of a verifier are.
    enum Keys: Sendable {
        /// Fixed at creation: an HS256 secret or an inline JWKS.
        case fixed(VerificationKeys)
        /// Fetched from the identity provider's JWKS URL and refreshed.
        case remote(RemoteJWKS)
    }

    /// Asymmetric algorithms accepted with a JWKS.
    static let asymmetricAlgorithms: Set<String> = [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
    ]

    /// Builds a verifier.
    /// - Parameters:
    ///   - configuration: Keys, issuer, audience, leeway, roles claim.
    ///   - logger: Where JWKS fetches and their failures are logged.
    /// - Throws: ``TokenVerificationError`` with code `.configuration` for an empty secret, an
    ///   unreadable JWKS or a JWKS URL that is not `https` (plain `http` only on a loopback host).
    ///   A JWKS URL that cannot be fetched is not an error (see above).
    public init(configuration: JWTConfiguration, logger: Logger = Logger(label: "stride.auth")) async throws {
        try await self.init(configuration: configuration, logger: logger, now: { ContinuousClock.now })
    }

    /// Builds a verifier whose JWKS refresh policy runs on `now` (tests).
    init(
        configuration: JWTConfiguration, logger: Logger, now: @escaping @Sendable () -> ContinuousClock.Instant
    ) async throws(TokenVerificationError) {
        self.configuration = configuration
        self.rolesClaim = RolesClaim(name: configuration.rolesClaim)
        guard !configuration.rolesClaim.isEmpty else {
            throw TokenVerificationError(.configuration, "The roles claim name must not be empty.")
        }
        switch configuration.keySource {
        case .hs256(let secret):
            self.keys = .fixed(try await VerificationKeys.hs256(secret: secret))
            self.allowedAlgorithms = ["HS256"]
        case .jwks(let json):
            self.keys = .fixed(try await VerificationKeys.jwks(Data(json.utf8), algorithms: Self.asymmetricAlgorithms))
            self.allowedAlgorithms = Self.asymmetricAlgorithms
        case .jwksURL(let url):
            let policy = configuration.jwksRefresh
            let fetcher = try JWKSFetcher(url: url, timeout: policy.timeout, maximumSize: policy.maximumDocumentSize)
            let remote = RemoteJWKS(
                fetcher: fetcher, policy: policy, algorithms: Self.asymmetricAlgorithms, logger: logger, now: now)
            await remote.refreshIfAllowed()
            self.keys = .remote(remote)
            self.allowedAlgorithms = Self.asymmetricAlgorithms
        }
    }

    /// Verifies a compact JWS token.
    /// - Parameters:
    ///   - token: The token (without the `Bearer ` prefix).
    ///   - now: The current time; injectable for tests.
    /// - Returns: The principal the token identifies.
    /// - Throws: ``TokenVerificationError`` describing why the token is not acceptable.
    public func verify(_ token: String, now: Date = Date()) async throws(TokenVerificationError) -> Principal {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let header = try Self.header(of: parts)
        guard let algorithm = header.alg, self.allowedAlgorithms.contains(algorithm) else {
            throw TokenVerificationError(.algorithmNotAllowed, "The access token's algorithm is not accepted.")
        }
        let keys = try await self.keys(for: header.kid)
        let claims: StrideClaims
        do {
            claims = try await keys.collection.verify(token, as: StrideClaims.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw TokenVerificationError(.malformed, "The access token is malformed.")
        } catch is DecodingError {
            throw TokenVerificationError(.malformed, "The access token lacks required claims (sub, exp).")
        } catch {
            throw TokenVerificationError(.invalidSignature, "The access token's signature is invalid.")
        }
        try self.checkTimes(claims, now: now)
        guard claims.issuer?.value == self.configuration.issuer else {
            throw TokenVerificationError(.invalidIssuer, "The access token was not issued by '\(self.configuration.issuer)'.")
        }
        if let audience = self.configuration.audience {
            guard claims.audience?.value.contains(audience) == true else {
                throw TokenVerificationError(.invalidAudience, "The access token is not intended for '\(audience)'.")
            }
        }
        let subject = claims.subject.value
        guard !subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw TokenVerificationError(.malformed, "The access token has an empty subject.")
        }
        // The subject is stored as the actor of every write: text the database cannot store, or
        // control characters that would forge log lines, are refused here, once, for every service.
        guard StorableText.isStorable(subject), !subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            subject.utf8.count <= 256, StorableText.isStorable(claims.name ?? "")
        else {
            throw TokenVerificationError(.malformed, "The access token's subject or name holds characters that are not allowed.")
        }
        // The signature is verified, so the payload can be read as it is.
        guard let payload = Base64URL.decode(String(parts[1])), let roleNames = self.rolesClaim.names(inPayload: payload) else {
            throw TokenVerificationError(.malformed, "The access token lacks the roles claim '\(self.rolesClaim.name)'.")
        }
        return Principal(subject: claims.subject.value, roles: Set(roleNames.compactMap(Role.init(rawValue:))), name: claims.name)
    }

    /// Succeeds when the verifier has keys to check tokens with; for a readiness check.
    ///
    /// With a JWKS URL and no keys yet, it first tries a fetch (subject to the minimum interval).
    /// - Throws: ``TokenVerificationError`` `.keysUnavailable` while there are none.
    public func checkKeys() async throws(TokenVerificationError) {
        guard case .remote(let remote) = self.keys, await remote.keys == nil else { return }
        await remote.refreshIfAllowed()
        guard await remote.keys != nil else { throw Self.keysUnavailable }
    }

    /// The keys for a token naming `kid`; for a JWKS, `kid` must name one of its keys (or be
    /// absent while the set has a single key).
    private func keys(for kid: String?) async throws(TokenVerificationError) -> VerificationKeys {
        let keys: VerificationKeys
        switch self.keys {
        case .fixed(let fixed):
            keys = fixed
        case .remote(let remote):
            guard let fetched = await remote.keys(for: kid) else { throw Self.keysUnavailable }
            keys = fetched
        }
        if keys.keyIDs.isEmpty { return keys }  // HS256: the secret has no kid.
        if let kid {
            guard keys.keyIDs.contains(kid) else {
                throw TokenVerificationError(.unknownKey, "The access token was signed with an unknown key.")
            }
        } else if keys.keyIDs.count > 1 {
            throw TokenVerificationError(.unknownKey, "The access token does not name its signing key (kid).")
        }
        return keys
    }

    static let keysUnavailable = TokenVerificationError(
        .keysUnavailable, "The identity provider's signing keys are not available yet; try again shortly.")

    /// `exp`, `nbf` and `iat` against `now`, each with the leeway.
    private func checkTimes(_ claims: StrideClaims, now: Date) throws(TokenVerificationError) {
        let leeway = Double(self.configuration.leeway.components.seconds)
            + Double(self.configuration.leeway.components.attoseconds) / 1e18
        guard now.addingTimeInterval(-leeway) < claims.expiration.value else {
            throw TokenVerificationError(.expired, "The access token has expired.")
        }
        if let notBefore = claims.notBefore?.value, notBefore > now.addingTimeInterval(leeway) {
            throw TokenVerificationError(.notYetValid, "The access token is not valid yet (nbf is in the future).")
        }
        if let issuedAt = claims.issuedAt?.value, issuedAt > now.addingTimeInterval(leeway) {
            throw TokenVerificationError(.issuedInFuture, "The access token was issued in the future (iat); check the clocks.")
        }
    }

    struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    /// Reads the JOSE header (the first of the token's `parts`) without trusting it, to check `alg`
    /// and `kid` before any key is used.
    static func header(of parts: [Substring]) throws(TokenVerificationError) -> Header {
        guard parts.count == 3, let data = Base64URL.decode(String(parts[0])),
            let header = try? JSONDecoder().decode(Header.self, from: data)
        else {
            throw TokenVerificationError(.malformed, "The access token is malformed.")
        }
        return header
    }
}
