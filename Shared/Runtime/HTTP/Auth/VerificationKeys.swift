import Foundation
import JWTKit

/// One usable set of verification keys: a JWTKit key collection and the key ids (`kid`) it holds.
///
/// A JWKS document is read key by key: keys meant for encryption (`use: enc`), for an algorithm
/// Stride does not verify with, or that JWTKit cannot read are skipped (identity providers publish
/// such keys next to their signing keys), and the document is refused only when no signing key remains.
struct VerificationKeys: Sendable {
    /// The keys, for JWTKit's verification.
    let collection: JWTKeyCollection
    /// The `kid` of every key in ``collection``; empty for an HS256 secret.
    let keyIDs: Set<String>
    /// Keys of the document that were skipped (for the log).
    let skipped: Int

    /// The HS256 secret as a key set.
    static func hs256(secret: String) async throws(TokenVerificationError) -> VerificationKeys {
        guard !secret.isEmpty else {
            throw TokenVerificationError(.configuration, "The JWT secret must not be empty.")
        }
        let collection = JWTKeyCollection()
        await collection.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return VerificationKeys(collection: collection, keyIDs: [], skipped: 0)
    }

    /// The signing keys of a JWKS document.
    /// - Parameters:
    ///   - document: The JWKS JSON (`{"keys": [...]}`).
    ///   - algorithms: The algorithms tokens may use; a key declaring another `alg` is skipped.
    /// - Throws: ``TokenVerificationError`` `.configuration` when the document is not a JWKS or has no usable signing key.
    static func jwks(_ document: Data, algorithms: Set<String>) async throws(TokenVerificationError) -> VerificationKeys {
        let set: LenientKeySet
        do {
            set = try JSONDecoder().decode(LenientKeySet.self, from: document)
        } catch {
            throw TokenVerificationError(.configuration, "The JWKS document could not be read: \(error)")
        }
        let collection = JWTKeyCollection()
        var keyIDs: Set<String> = []
        var skipped = 0
        for entry in set.keys {
            guard var key = entry.key, let kid = key.keyIdentifier, entry.use == nil || entry.use == "sig" else {
                skipped += 1
                continue
            }
            // Pin every key to one algorithm: JWTKit would otherwise make (and keep) a signer for
            // the `alg` of whichever token names the key first.
            key.algorithm = key.algorithm ?? Self.defaultAlgorithm(of: key)
            guard let algorithm = key.algorithm, algorithms.contains(algorithm.rawValue) else {
                skipped += 1
                continue
            }
            do {
                try await collection.add(jwk: key)
                keyIDs.insert(kid.string)
            } catch {
                skipped += 1
            }
        }
        guard !keyIDs.isEmpty else {
            throw TokenVerificationError(
                .configuration, "The JWKS document holds no usable signing key (\(set.keys.count) key(s), none with a kid, use 'sig' and an accepted alg).")
        }
        return VerificationKeys(collection: collection, keyIDs: keyIDs, skipped: skipped)
    }

    /// The algorithm a key without `alg` is used with: RS256 for RSA (what providers that omit
    /// `alg` sign with), the curve's ECDSA algorithm for EC, EdDSA for OKP.
    private static func defaultAlgorithm(of key: JWK) -> JWK.Algorithm? {
        switch (key.keyType.rawValue, key.curve?.rawValue) {
        case ("RSA", _): .rs256
        case ("EC", "P-256"): .es256
        case ("EC", "P-384"): .es384
        case ("EC", "P-521"): .es512
        case ("OKP", _): .eddsa
        default: nil
        }
    }

    /// `{"keys": [...]}` where a key that does not decode is kept as nil instead of failing the document.
    private struct LenientKeySet: Decodable {
        var keys: [Entry]

        struct Entry: Decodable {
            var key: JWK?
            var use: String?

            enum CodingKeys: String, CodingKey {
                case use
            }

            init(from decoder: any Decoder) throws {
                self.key = try? JWK(from: decoder)
                self.use = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .use)
            }
        }
    }
}
