import Foundation
import JWTKit

/// Verifies bearer tokens and turns them into a ``Principal``.
///
/// Checks, in order: the token's shape, that its `alg` is allowed for the configured keys (so an
/// HS256 token can never be checked against a public key, and `none` is never accepted), the
/// signature, `exp` (with leeway), `iss`, and `aud` when configured.
public struct TokenVerifier: Sendable {
    /// The configuration this verifier was built from.
    public let configuration: JWTConfiguration
    let keys: JWTKeyCollection
    let allowedAlgorithms: Set<String>

    /// Asymmetric algorithms accepted with a JWKS.
    static let asymmetricAlgorithms: Set<String> = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "EdDSA"]

    /// Builds a verifier.
    /// - Parameter configuration: Keys, issuer, audience, leeway.
    /// - Throws: ``TokenVerificationError`` with code `.configuration` for an empty secret or an unreadable JWKS.
    public init(configuration: JWTConfiguration) async throws {
        self.configuration = configuration
        self.keys = JWTKeyCollection()
        switch configuration.keySource {
        case .hs256(let secret):
            guard !secret.isEmpty else {
                throw TokenVerificationError(.configuration, "The JWT secret must not be empty.")
            }
            await self.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
            self.allowedAlgorithms = ["HS256"]
        case .jwks(let json):
            do {
                try await self.keys.add(jwksJSON: json)
            } catch {
                throw TokenVerificationError(.configuration, "The JWKS document could not be read: \(error)")
            }
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
        let header = try Self.header(of: token)
        guard let algorithm = header.alg, self.allowedAlgorithms.contains(algorithm) else {
            throw TokenVerificationError(.algorithmNotAllowed, "The access token's algorithm is not accepted.")
        }
        let claims: StrideClaims
        do {
            claims = try await self.keys.verify(token, as: StrideClaims.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw TokenVerificationError(.malformed, "The access token is malformed.")
        } catch is DecodingError {
            throw TokenVerificationError(.malformed, "The access token lacks required claims (sub, roles, exp).")
        } catch let error as JWTError where error.errorType == .unknownKID {
            throw TokenVerificationError(.invalidSignature, "The access token was signed with an unknown key.")
        } catch {
            throw TokenVerificationError(.invalidSignature, "The access token's signature is invalid.")
        }
        let leeway = Double(self.configuration.leeway.components.seconds)
        guard now.addingTimeInterval(-leeway) < claims.expiration.value else {
            throw TokenVerificationError(.expired, "The access token has expired.")
        }
        guard claims.issuer?.value == self.configuration.issuer else {
            throw TokenVerificationError(.invalidIssuer, "The access token was not issued by '\(self.configuration.issuer)'.")
        }
        if let audience = self.configuration.audience {
            guard claims.audience?.value.contains(audience) == true else {
                throw TokenVerificationError(.invalidAudience, "The access token is not intended for '\(audience)'.")
            }
        }
        guard !claims.subject.value.isEmpty else {
            throw TokenVerificationError(.malformed, "The access token has an empty subject.")
        }
        return claims.principal
    }

    struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    /// Reads the JOSE header without trusting it, to check `alg` before any key is used.
    static func header(of token: String) throws(TokenVerificationError) -> Header {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Base64URL.decode(String(parts[0])),
            let header = try? JSONDecoder().decode(Header.self, from: data)
        else {
            throw TokenVerificationError(.malformed, "The access token is malformed.")
        }
        return header
    }
}
