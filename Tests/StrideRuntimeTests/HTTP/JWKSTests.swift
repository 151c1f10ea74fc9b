import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing

@testable import StrideRuntime

@Suite("RS256 with a JWKS")
struct JWKSTests {
    @Test func rs256TokenFromJWKSIsAccepted() async throws {
        let key = try await TestSigningKey.rsa(kid: "idp-1")
        let token = try await key.sign(providerClaims())
        let app = try await HTTPTestApp.makeApplication(configuration: .jwks(json: TestSigningKey.jwks(key)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/hr-only", method: .get, headers: HTTPTestApp.bearer(token)) {
                #expect($0.status == .noContent)
            }
        }
    }

    /// Every way an RS256 token can be wrong, and the code it is rejected with.
    enum Rejection: String, CaseIterable, Sendable {
        case expired, notYetValid, issuedInFuture, wrongIssuer, wrongAudience, unknownKid, noKidWithSeveralKeys
        case otherKeySameKid, algorithmNone, hs256AgainstJWKS

        var code: TokenVerificationError.Code {
            switch self {
            case .expired: .expired
            case .notYetValid: .notYetValid
            case .issuedInFuture: .issuedInFuture
            case .wrongIssuer: .invalidIssuer
            case .wrongAudience: .invalidAudience
            case .unknownKid, .noKidWithSeveralKeys: .unknownKey
            case .otherKeySameKid: .invalidSignature
            case .algorithmNone, .hs256AgainstJWKS: .algorithmNotAllowed
            }
        }
    }

    @Test(arguments: Rejection.allCases)
    func rejectedToken(_ rejection: Rejection) async throws {
        let key = try await TestSigningKey.rsa(kid: "idp-1")
        let second = try await TestSigningKey.rsa(kid: "idp-2")
        let verifier = try await TokenVerifier(
            configuration: .jwks(json: TestSigningKey.jwks(key, second), audience: "stride-goals"))
        let now = Date()
        let hour: TimeInterval = 3600
        let token: String
        switch rejection {
        case .expired:
            token = try await key.sign(providerClaims(audience: "stride-goals", issuedAt: now - 2 * hour, expiration: now - hour))
        case .notYetValid:
            token = try await key.sign(providerClaims(audience: "stride-goals", notBefore: now + hour, expiration: now + 2 * hour))
        case .issuedInFuture:
            token = try await key.sign(providerClaims(audience: "stride-goals", issuedAt: now + hour, expiration: now + 2 * hour))
        case .wrongIssuer:
            token = try await key.sign(providerClaims(issuer: "https://elsewhere.example", audience: "stride-goals"))
        case .wrongAudience:
            token = try await key.sign(providerClaims(audience: "payroll"))
        case .unknownKid:
            token = try await TestSigningKey.rsa(kid: "idp-9").sign(providerClaims(audience: "stride-goals"))
        case .noKidWithSeveralKeys:
            token = try await key.sign(providerClaims(audience: "stride-goals"), naming: nil)
        case .otherKeySameKid:
            token = try await TestSigningKey.rsa(kid: "idp-1").sign(providerClaims(audience: "stride-goals"))
        case .algorithmNone:
            let signed = try await key.sign(providerClaims(audience: "stride-goals")).split(separator: ".")
            token = Base64URL.encode(Data(#"{"alg":"none","typ":"JWT","kid":"idp-1"}"#.utf8)) + ".\(signed[1])."
        case .hs256AgainstJWKS:
            token = try await HTTPTestApp.token(roles: [.hr])
        }
        do {
            let principal = try await verifier.verify(token)
            Issue.record("\(rejection) was accepted as \(principal)")
        } catch {
            #expect(error.code == rejection.code)
        }
    }

    @Test func timesWithinTheLeewayAreAccepted() async throws {
        let key = try await TestSigningKey.rsa(kid: "idp-1")
        let verifier = try await TokenVerifier(configuration: .jwks(json: TestSigningKey.jwks(key)))
        let now = Date()
        // The issuer's clock runs 20 s ahead of ours; the leeway is 30 s.
        let token = try await key.sign(providerClaims(issuedAt: now + 20, notBefore: now + 20, expiration: now + 600))
        #expect(try await verifier.verify(token, now: now).subject == "E9")
        // Expired 20 s ago by our clock: still within the leeway.
        #expect(try await verifier.verify(token, now: now + 620).subject == "E9")
    }

    @Test func singleKeyTokenWithoutKidIsAccepted() async throws {
        let key = try await TestSigningKey.rsa(kid: "idp-1")
        let verifier = try await TokenVerifier(configuration: .jwks(json: TestSigningKey.jwks(key)))
        #expect(try await verifier.verify(try await key.sign(providerClaims(), naming: nil)).roles == [.hr])
    }

    @Test func encryptionAndUnreadableKeysAreSkipped() async throws {
        let key = try await TestSigningKey.rsa(kid: "idp-1")
        let document = """
            {"keys":[
            {"kty":"RSA","use":"enc","alg":"RSA-OAEP","kid":"enc-1","n":"AQAB","e":"AQAB"},
            {"kty":"oct","kid":"secret-1","k":"c2VjcmV0"},
            {"kty":"RSA","kid":"no-primitives"},
            \(key.jwk)]}
            """
        let verifier = try await TokenVerifier(configuration: .jwks(json: document))
        #expect(try await verifier.verify(try await key.sign(providerClaims())).subject == "E9")
        let namingEncryptionKey = try await key.sign(providerClaims(), naming: "enc-1")
        do {
            _ = try await verifier.verify(namingEncryptionKey)
            Issue.record("a token naming an encryption key was accepted")
        } catch {
            #expect(error.code == .unknownKey)
        }
    }

    @Test(arguments: ["{not json", #"{"keys":[]}"#, #"{"keys":[{"kty":"RSA","use":"enc","kid":"e","n":"AQAB","e":"AQAB"}]}"#])
    func unusableJWKSIsAConfigurationError(document: String) async throws {
        do {
            _ = try await TokenVerifier(configuration: .jwks(json: document))
            Issue.record("unusable JWKS accepted")
        } catch let error as TokenVerificationError {
            #expect(error.code == .configuration)
        }
    }
}
