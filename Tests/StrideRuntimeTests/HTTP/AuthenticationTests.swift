import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Crypto
import Testing

@testable import StrideRuntime

@Suite("Bearer authentication")
struct AuthenticationTests {
    @Test func validTokenReachesRouteWithPrincipal() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(subject: "E42", roles: [.employee, .manager])
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try json(response)
                #expect(body["subject"] as? String == "E42")
                #expect(Set(body["roles"] as? [String] ?? []) == ["employee", "manager"])
                #expect(body["name"] as? String == "Ada Lovelace")
            }
        }
    }

    @Test func missingTokenIs401WithChallenge() async throws {
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get) { response in
                let body = try expectProblem(response, status: .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(body["instance"] as? String == "/v1/me")
            }
        }
    }

    @Test(arguments: [
        "Bearer not-a-jwt",
        "Bearer a.b.c",
        "Basic dXNlcjpwYXNz",
        "Bearer ",
    ])
    func malformedCredentialsAre401(authorization: String) async throws {
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: authorization]) { response in
                try expectProblem(response, status: .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test func wrongSecretIs401() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(secret: "another-secret-of-reasonable-length-000000")
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let body = try expectProblem(response, status: .unauthorized)
                #expect((body["detail"] as? String)?.contains("signature") == true)
                #expect(response.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            }
        }
    }

    @Test func expiredTokenIs401() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(lifetime: .seconds(60), now: Date().addingTimeInterval(-3600))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let body = try expectProblem(response, status: .unauthorized)
                #expect((body["detail"] as? String)?.contains("expired") == true)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test func wrongIssuerIs401() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(issuer: "someone-else")
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let body = try expectProblem(response, status: .unauthorized)
                #expect((body["detail"] as? String)?.contains("issued") == true)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test func unsignedNoneTokenIsRejected() async throws {
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret))
        let header = Base64URL.encode(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let exp = Int(Date().timeIntervalSince1970) + 600
        let payload = Base64URL.encode(Data(#"{"sub":"E1","roles":["admin"],"exp":\#(exp),"iss":"stride"}"#.utf8))
        await #expect(throws: TokenVerificationError.self) {
            try await verifier.verify("\(header).\(payload).")
        }
        do {
            _ = try await verifier.verify("\(header).\(payload).")
        } catch {
            #expect(error.code == .algorithmNotAllowed)
        }
    }

    @Test func audienceIsEnforcedWhenConfigured() async throws {
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret, audience: "goals"))
        let issuer = try await TokenIssuer(secret: HTTPTestApp.secret)
        let good = try await issuer.issue(subject: "E1", roles: [.employee], audience: "goals")
        let bad = try await issuer.issue(subject: "E1", roles: [.employee], audience: "payroll")
        let missing = try await issuer.issue(subject: "E1", roles: [.employee])
        #expect(try await verifier.verify(good).subject == "E1")
        for token in [bad, missing] {
            do {
                _ = try await verifier.verify(token)
                Issue.record("token without the audience was accepted")
            } catch {
                #expect(error.code == .invalidAudience)
            }
        }
    }

    @Test func unknownRoleNamesAreIgnored() async throws {
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret))
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: HTTPTestApp.secret), digestAlgorithm: .sha256)
        let claims = StrideClaims(
            subject: "svc-hris", roles: ["service", "wizard"], name: nil,
            expiration: ExpirationClaim(value: Date().addingTimeInterval(600)), issuedAt: nil,
            issuer: "stride", audience: nil
        )
        let principal = try await verifier.verify(try await keys.sign(claims))
        #expect(principal.roles == [.service])
        #expect(principal.isService)
        #expect(!principal.isHR)
    }

    @Test func tokenWithoutExpirationIsRejected() async throws {
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret))
        let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode(Data(#"{"sub":"E1","roles":["admin"],"iss":"stride"}"#.utf8))
        let signature = Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(
            for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: Data(HTTPTestApp.secret.utf8)))))
        do {
            _ = try await verifier.verify("\(header).\(payload).\(signature)")
            Issue.record("a token without exp was accepted")
        } catch {
            #expect(error.code == .malformed)
        }
    }

    @Test func emptySecretIsAConfigurationError() async throws {
        await #expect(throws: TokenVerificationError.self) {
            _ = try await TokenVerifier(configuration: .hs256(secret: ""))
        }
    }
}
