import Crypto
import CryptoExtras
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing

@testable import StrideRuntime

@Suite("RS256 with a JWKS")
struct JWKSTests {
    /// A fresh RSA key pair (generated per run: no key material in the repository), its public JWKS,
    /// and a key collection that signs as the identity provider would.
    static func identityProvider(kid: String) async throws -> (jwks: String, signer: JWTKeyCollection) {
        let privateKey = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwks = """
            {"keys":[{"kty":"RSA","alg":"RS256","use":"sig","kid":"\(kid)",
            "n":"\(Base64URL.encode(modulus))","e":"\(Base64URL.encode(exponent))"}]}
            """
        let signer = JWTKeyCollection()
        await signer.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return (jwks, signer)
    }

    static func claims(issuer: String = "stride") -> StrideClaims {
        StrideClaims(
            subject: "E9", roles: ["hr"], name: "Grace",
            expiration: ExpirationClaim(value: Date().addingTimeInterval(600)), issuedAt: IssuedAtClaim(value: Date()),
            issuer: IssuerClaim(value: issuer), audience: nil
        )
    }

    @Test func rs256TokenFromJWKSIsAccepted() async throws {
        let (jwks, signer) = try await Self.identityProvider(kid: "idp-1")
        let token = try await signer.sign(Self.claims(), kid: "idp-1")
        let app = try await HTTPTestApp.makeApplication(configuration: .jwks(json: jwks))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/hr-only", method: .get, headers: HTTPTestApp.bearer(token)) {
                #expect($0.status == .noContent)
            }
        }
    }

    @Test func tokenFromAnotherKeyOrHS256IsRejected() async throws {
        let (jwks, _) = try await Self.identityProvider(kid: "idp-1")
        let (_, otherSigner) = try await Self.identityProvider(kid: "idp-1")
        let verifier = try await TokenVerifier(configuration: .jwks(json: jwks))

        let forged = try await otherSigner.sign(Self.claims(), kid: "idp-1")
        await #expect(throws: TokenVerificationError.self) { try await verifier.verify(forged) }

        let hs256 = try await HTTPTestApp.token(roles: [.hr])
        do {
            _ = try await verifier.verify(hs256)
            Issue.record("an HS256 token was accepted by a JWKS verifier")
        } catch {
            #expect(error.code == .algorithmNotAllowed)
        }
    }

    @Test func invalidJWKSIsAConfigurationError() async throws {
        do {
            _ = try await TokenVerifier(configuration: .jwks(json: "{not json"))
            Issue.record("invalid JWKS accepted")
        } catch let error as TokenVerificationError {
            #expect(error.code == .configuration)
        }
    }
}
