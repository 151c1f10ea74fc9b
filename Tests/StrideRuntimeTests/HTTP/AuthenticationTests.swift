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

    @Test(arguments: [
        ("nbf", "not valid yet", TokenVerificationError.Code.notYetValid),
        ("iat", "issued in the future", TokenVerificationError.Code.issuedInFuture),
    ])
    func futureTimesAre401(claim: String, detail: String, code: TokenVerificationError.Code) async throws {
        let now = Int(Date().timeIntervalSince1970)
        // An hour ahead: far beyond the 30 s leeway.
        let token = hs256Token(payload: #"{"sub":"E1","roles":["admin"],"iss":"stride","exp":\#(now + 7200),"\#(claim)":\#(now + 3600)}"#)
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret))
        do {
            _ = try await verifier.verify(token)
            Issue.record("a token with \(claim) an hour ahead was accepted")
        } catch {
            #expect(error.code == code)
        }
        let app = try await HTTPTestApp.makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let body = try expectProblem(response, status: .unauthorized)
                #expect((body["detail"] as? String)?.contains(detail) == true)
                #expect(response.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            }
        }
    }

    @Test func pastNotBeforeAndIssuedAtAreAccepted() async throws {
        let now = Int(Date().timeIntervalSince1970)
        let token = hs256Token(payload: #"{"sub":"E1","roles":["hr"],"iss":"stride","exp":\#(now + 600),"nbf":\#(now - 60),"iat":\#(now - 60)}"#)
        let verifier = try await TokenVerifier(configuration: .hs256(secret: HTTPTestApp.secret))
        #expect(try await verifier.verify(token).roles == [.hr])
    }

    @Test(arguments: [
        // (roles claim, payload fragment holding the roles)
        ("groups", #""groups":["manager","employee","stride-admins"]"#),
        ("realm_access.roles", #""realm_access":{"roles":["manager","employee","offline_access"]}"#),
        ("resource_access.stride.roles", #""resource_access":{"stride":{"roles":["employee","manager"]}}"#),
        ("https://stride.example/roles", #""https://stride.example/roles":["manager","employee"]"#),
        ("scp", #""scp":"employee manager""#),
    ])
    func rolesFromAConfiguredClaim(rolesClaim: String, fragment: String) async throws {
        let verifier = try await TokenVerifier(configuration: JWTConfiguration(
            keySource: .hs256(secret: HTTPTestApp.secret), rolesClaim: rolesClaim))
        let exp = Int(Date().timeIntervalSince1970) + 600
        // A top-level "roles" claim is not what the configuration names: it must not count.
        let token = hs256Token(payload: #"{"sub":"E7","iss":"stride","exp":\#(exp),"roles":["admin"],\#(fragment)}"#)
        let principal = try await verifier.verify(token)
        #expect(principal.subject == "E7")
        #expect(principal.roles == [.employee, .manager])
    }

    @Test func missingRolesClaimIsRejected() async throws {
        let verifier = try await TokenVerifier(configuration: JWTConfiguration(
            keySource: .hs256(secret: HTTPTestApp.secret), rolesClaim: "realm_access.roles"))
        let exp = Int(Date().timeIntervalSince1970) + 600
        for fragment in [#""roles":["hr"]"#, #""realm_access":{"groups":["hr"]}"#, #""realm_access":["hr"]"#] {
            do {
                _ = try await verifier.verify(hs256Token(payload: #"{"sub":"E7","iss":"stride","exp":\#(exp),\#(fragment)}"#))
                Issue.record("a token without realm_access.roles was accepted: \(fragment)")
            } catch {
                #expect(error.code == .malformed)
                #expect(error.message.contains("realm_access.roles"))
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
