import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import StrideRuntime

/// The identity provider's JWKS fetched from `JWT_JWKS_URL`, served by a real local HTTP server.
///
/// The refresh policy runs on a ``ManualClock``: a test moves time past the minimum interval or
/// the maximum age instead of waiting, and counts the requests the server received.
@Suite("JWKS from a URL: fetch, rotation, rate limit")
struct JWKSURLTests {
    static let policy = JWKSRefreshPolicy(minimumInterval: .seconds(60), maximumAge: .seconds(3600), timeout: .seconds(10))

    static func verifier(url: URL, clock: ManualClock, policy: JWKSRefreshPolicy = policy) async throws -> TokenVerifier {
        var logger = Logger(label: "stride.jwks.tests")
        logger.logLevel = .critical
        return try await TokenVerifier(configuration: .jwksURL(url, refresh: policy), logger: logger, now: { clock.now })
    }

    static func rejection(_ verifier: TokenVerifier, _ token: String) async -> TokenVerificationError.Code? {
        do {
            _ = try await verifier.verify(token)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func rotatedKeyIsPickedUpWithoutRestartAndForgedKidsAreRateLimited() async throws {
        let keyA = try await TestSigningKey.rsa(kid: "key-a")
        let keyB = try await TestSigningKey.rsa(kid: "key-b")
        let host = JWKSHost(document: TestSigningKey.jwks(keyA))
        try await host.run { url in
            let clock = ManualClock()
            let verifier = try await Self.verifier(url: url, clock: clock)
            #expect(host.requests == 1)  // fetched once at creation
            #expect(try await verifier.verify(try await keyA.sign(providerClaims())).subject == "E9")
            #expect(host.requests == 1)  // a known kid is served from the cache

            // The provider rotates to key B. Within the minimum interval of the last fetch, a token
            // with the new kid cannot make the verifier fetch again.
            host.serve(TestSigningKey.jwks(keyB))
            let tokenB = try await keyB.sign(providerClaims())
            #expect(await Self.rejection(verifier, tokenB) == .unknownKey)
            #expect(host.requests == 1)

            // Once it has passed, the unknown kid triggers one fetch, and the token is accepted.
            clock.advance(by: .seconds(61))
            #expect(try await verifier.verify(tokenB).subject == "E9")
            #expect(host.requests == 2)
            #expect(try await verifier.verify(tokenB).subject == "E9")
            #expect(host.requests == 2)

            // Key A is gone from the provider's set, so from the verifier's.
            #expect(await Self.rejection(verifier, try await keyA.sign(providerClaims())) == .unknownKey)

            // Forged kids: many tokens, concurrently, within the window: no fetch at all…
            let forger = try await TestSigningKey.rsa(kid: "forged-0")
            var forged: [String] = []
            for index in 0..<10 { forged.append(try await forger.sign(providerClaims(), naming: "forged-\(index)")) }
            try await Self.rejectAll(verifier, forged, expecting: .unknownKey)
            #expect(host.requests == 2)
            // …and after the window, a burst of them causes one fetch, not ten.
            clock.advance(by: .seconds(61))
            try await Self.rejectAll(verifier, forged, expecting: .unknownKey)
            #expect(host.requests == 3)
            try await Self.rejectAll(verifier, forged, expecting: .unknownKey)
            #expect(host.requests == 3)
        }
    }

    static func rejectAll(_ verifier: TokenVerifier, _ tokens: [String], expecting code: TokenVerificationError.Code) async throws {
        try await withThrowingTaskGroup(of: TokenVerificationError.Code?.self) { group in
            for token in tokens {
                group.addTask { await Self.rejection(verifier, token) }
            }
            for try await rejected in group {
                #expect(rejected == code)
            }
        }
    }

    @Test func keysOlderThanTheMaximumAgeAreFetchedAgainInTheBackground() async throws {
        let keyA = try await TestSigningKey.rsa(kid: "key-a")
        let keyB = try await TestSigningKey.rsa(kid: "key-b")
        let host = JWKSHost(document: TestSigningKey.jwks(keyA, keyB))
        try await host.run { url in
            let clock = ManualClock()
            let verifier = try await Self.verifier(url: url, clock: clock)
            let tokenA = try await keyA.sign(providerClaims())
            #expect(try await verifier.verify(tokenA).subject == "E9")
            #expect(host.requests == 1)

            // The provider withdraws key A. After the maximum age, the next request is still
            // verified with the keys at hand while the set is fetched again behind it.
            host.serve(TestSigningKey.jwks(keyB))
            clock.advance(by: .seconds(3601))
            #expect(try await verifier.verify(tokenA).subject == "E9")
            guard case .remote(let remote) = verifier.keys else {
                Issue.record("a JWKS URL verifier without a remote key set")
                return
            }
            await remote.waitForRefresh()
            #expect(host.requests == 2)
            #expect(await Self.rejection(verifier, tokenA) == .unknownKey)
            #expect(try await verifier.verify(try await keyB.sign(providerClaims())).subject == "E9")
        }
    }

    @Test func providerDownAtStartAnswers503UntilKeysArrive() async throws {
        let key = try await TestSigningKey.rsa(kid: "key-a")
        let host = JWKSHost(document: TestSigningKey.jwks(key))
        host.fail(with: .serviceUnavailable)
        try await host.run { url in
            let clock = ManualClock()
            // Creating the verifier does not fail: the service starts and reports it.
            let verifier = try await Self.verifier(url: url, clock: clock)
            #expect(host.requests == 1)
            let token = try await key.sign(providerClaims())
            #expect(await Self.rejection(verifier, token) == .keysUnavailable)
            await #expect(throws: TokenVerificationError.self) { try await verifier.checkKeys() }
            #expect(host.requests == 1)  // within the minimum interval: no new fetch

            host.serve(TestSigningKey.jwks(key))
            clock.advance(by: .seconds(61))
            #expect(try await verifier.verify(token).subject == "E9")
            #expect(host.requests == 2)
            try await verifier.checkKeys()
        }
    }

    @Test func noKeysYetIsA503WithRetryAfter() async throws {
        let key = try await TestSigningKey.rsa(kid: "key-a")
        let host = JWKSHost(document: "not a JWKS")
        try await host.run { url in
            let app = try await HTTPTestApp.makeApplication(configuration: .jwksURL(url, refresh: Self.policy))
            let token = try await key.sign(providerClaims())
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/me", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                    let body = try expectProblem(response, status: .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "60")
                    #expect((body["detail"] as? String)?.contains("signing keys") == true)
                }
            }
        }
    }

    @Test func aHungProviderIsBoundedByTheTimeout() async throws {
        // A listening socket that accepts nothing would do as well; a server whose handler never
        // answers is the closer model of a stuck identity provider.
        let key = try await TestSigningKey.rsa(kid: "key-a")
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let router = Router()
        router.get("jwks.json") { _, _ -> String in
            for await _ in release { break }
            return TestSigningKey.jwks(key)
        }
        var logger = Logger(label: "stride.jwks.tests")
        logger.logLevel = .critical
        try await Application(router: router, logger: logger).test(.live) { client in
            defer { releaseContinuation.finish() }
            let port = try #require(client.port)
            let url = try #require(URL(string: "http://localhost:\(port)/jwks.json"))
            let policy = JWKSRefreshPolicy(minimumInterval: .seconds(60), maximumAge: .seconds(3600), timeout: .milliseconds(200))
            let verifier = try await Self.verifier(url: url, clock: ManualClock(), policy: policy)
            #expect(await Self.rejection(verifier, try await key.sign(providerClaims())) == .keysUnavailable)
        }
    }

    @Test(arguments: ["http://login.example.com/certs", "file:///etc/jwks.json", "ftp://localhost/jwks.json"])
    func nonHTTPSURLIsAConfigurationError(url: String) async throws {
        do {
            _ = try await TokenVerifier(configuration: .jwksURL(try #require(URL(string: url))))
            Issue.record("\(url) accepted")
        } catch let error as TokenVerificationError {
            #expect(error.code == .configuration)
        }
    }
}
