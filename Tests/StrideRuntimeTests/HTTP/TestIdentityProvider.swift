import Crypto
import CryptoExtras
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Logging
import Synchronization
import Testing

@testable import StrideRuntime

/// An identity provider's signing key, generated per run (no key material in the repository):
/// its public JWK and a key collection that signs as the provider would.
struct TestSigningKey: Sendable {
    let kid: String
    /// The public key as a JWK object (JSON text).
    let jwk: String
    let signer: JWTKeyCollection

    static func rsa(kid: String) async throws -> TestSigningKey {
        let privateKey = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwk = """
            {"kty":"RSA","alg":"RS256","use":"sig","kid":"\(kid)","n":"\(Base64URL.encode(modulus))","e":"\(Base64URL.encode(exponent))"}
            """
        let signer = JWTKeyCollection()
        await signer.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return TestSigningKey(kid: kid, jwk: jwk, signer: signer)
    }

    /// A JWKS document holding `keys`.
    static func jwks(_ keys: TestSigningKey...) -> String {
        #"{"keys":["# + keys.map(\.jwk).joined(separator: ",") + "]}"
    }

    /// Signs `claims`, naming this key's `kid` in the header.
    func sign(_ claims: StrideClaims) async throws -> String {
        try await self.signer.sign(claims, kid: JWKIdentifier(string: self.kid))
    }

    /// Signs `claims` with this key but names `kid` in the header instead (nil: no `kid` at all).
    func sign(_ claims: StrideClaims, naming kid: String?) async throws -> String {
        var header = JWTHeader()
        header.kid = kid
        // The collection holds this key alone, so whatever the header names, it signs.
        return try await self.signer.sign(claims, header: header)
    }
}

/// Claims as an identity provider would issue them for employee E9 (HR), valid for 10 minutes.
func providerClaims(
    issuer: String = "stride", audience: String? = nil, issuedAt: Date = Date(), notBefore: Date? = nil,
    expiration: Date = Date().addingTimeInterval(600)
) -> StrideClaims {
    StrideClaims(
        subject: "E9", roles: ["hr"], name: "Grace", expiration: ExpirationClaim(value: expiration),
        issuedAt: IssuedAtClaim(value: issuedAt), issuer: IssuerClaim(value: issuer), audience: audience.map { AudienceClaim(value: [$0]) },
        notBefore: notBefore.map { NotBeforeClaim(value: $0) })
}

/// An HS256 token with exactly `payload` (JSON text) as its claims, signed with `secret`.
func hs256Token(payload: String, secret: String = HTTPTestApp.secret) -> String {
    let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
    let body = Base64URL.encode(Data(payload.utf8))
    let signature = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
    return "\(header).\(body).\(Base64URL.encode(Data(signature)))"
}

/// A JWKS endpoint on a real local HTTP server: the served document can be changed (key rotation)
/// or made to fail, and every request is counted.
final class JWKSHost: Sendable {
    private struct State {
        var document: String
        var status: HTTPResponse.Status = .ok
        var requests = 0
    }

    private let state: Mutex<State>

    init(document: String) {
        self.state = Mutex(State(document: document))
    }

    /// How many times the document was requested.
    var requests: Int { self.state.withLock { $0.requests } }

    /// Serves `document` from now on.
    func serve(_ document: String, status: HTTPResponse.Status = .ok) {
        self.state.withLock {
            $0.document = document
            $0.status = status
        }
    }

    /// Fails every request with `status` from now on.
    func fail(with status: HTTPResponse.Status) {
        self.state.withLock { $0.status = status }
    }

    /// Runs `body` while the server listens; it gets the JWKS URL.
    func run<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let router = Router()
        router.get("jwks.json") { _, _ -> Response in
            let (document, status) = self.state.withLock { state in
                state.requests += 1
                return (state.document, state.status)
            }
            return Response(
                status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: document)))
        }
        var logger = Logger(label: "stride.jwks.tests")
        logger.logLevel = .critical
        let app = Application(router: router, logger: logger)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await body(try #require(URL(string: "http://localhost:\(port)/jwks.json")))
        }
    }
}

/// A monotonic clock the test moves by hand, for the JWKS refresh policy.
final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)

    /// The current instant.
    var now: ContinuousClock.Instant { self.start + self.offset.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by duration: Duration) {
        self.offset.withLock { $0 += duration }
    }
}
