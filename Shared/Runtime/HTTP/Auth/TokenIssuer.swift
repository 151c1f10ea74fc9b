import Foundation
import JWTKit

/// Mints HS256 tokens: development tokens for `stride token`, and tokens for tests.
///
/// - Important: Development only. Production tokens come from the identity provider (RS256/JWKS).
public struct TokenIssuer: Sendable {
    let keys: JWTKeyCollection
    /// The `iss` written into tokens.
    public let issuer: String

    /// Creates an issuer signing with `secret`.
    /// - Parameters:
    ///   - secret: The HS256 secret (the same `JWT_SECRET` the services verify with).
    ///   - issuer: The `iss` claim. Default `stride`.
    /// - Throws: ``TokenVerificationError`` with code `.configuration` for an empty secret.
    public init(secret: String, issuer: String = "stride") async throws {
        guard !secret.isEmpty else {
            throw TokenVerificationError(.configuration, "The JWT secret must not be empty.")
        }
        self.keys = JWTKeyCollection()
        self.issuer = issuer
        await self.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// Mints a signed token.
    /// - Parameters:
    ///   - subject: `sub`: the employee id or service name.
    ///   - roles: `roles`.
    ///   - name: `name`, optional display name.
    ///   - audience: `aud`, optional.
    ///   - lifetime: Time until `exp`. Default 8 hours.
    ///   - now: The issue time (`iat`); injectable for tests.
    /// - Returns: The compact JWS (`header.payload.signature`).
    /// - Throws: A signing error from JWTKit (not expected with an HMAC key).
    public func issue(
        subject: String,
        roles: Set<Role>,
        name: String? = nil,
        audience: String? = nil,
        lifetime: Duration = .seconds(8 * 3600),
        now: Date = Date()
    ) async throws -> String {
        let lifetimeSeconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        let claims = StrideClaims(
            subject: SubjectClaim(value: subject),
            roles: roles.map(\.rawValue).sorted(),
            name: name,
            expiration: ExpirationClaim(value: now.addingTimeInterval(lifetimeSeconds)),
            issuedAt: IssuedAtClaim(value: now),
            issuer: IssuerClaim(value: self.issuer),
            audience: audience.map { AudienceClaim(value: [$0]) }
        )
        return try await self.keys.sign(claims)
    }
}
