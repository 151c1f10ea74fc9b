import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import StridePostgres

/// Makes a service's HTTP writes idempotent with its `<schema>.idempotency_keys` table: the first
/// request with an `Idempotency-Key` runs and its response is stored **in the same transaction**
/// as its effect; a retry with the same key and the same request gets that response back
/// (header `Idempotent-Replayed: true`) without its effect repeated. Reusing a key for a
/// different request is a 422. A request without a key simply runs.
///
/// The key is claimed by an insert that travels with the write's first statement (no round trip
/// of its own); a write that then finds the key taken rolls back whatever it did and the stored
/// response is answered instead. So a write must make its changes on the connection it is given.
/// Two retries racing each other serialise on the key's row: the second waits for the first to
/// commit and then replays it; if the first rolls back, the second runs.
public struct IdempotentWrites: Sendable {
    /// The header set on a replayed response.
    public static var replayedHeader: HTTPField.Name { HTTPField.Name("Idempotent-Replayed")! }

    /// The service's schema.
    public let schema: String
    let pool: PostgresPool

    public init(schema: String, pool: PostgresPool) {
        self.schema = schema
        self.pool = pool
    }

    /// Runs `write` once per principal and key, in one transaction, and answers with its result as
    /// JSON (`status`, 201 by default).
    /// - Parameter write: gets the raw JSON body (decode it with ``StrideJSONRequestDecoder/decode(_:from:)``)
    ///   and the transaction's connection.
    public func respond<Output: Encodable>(
        to request: Request, context: some PrincipalRequestContext, status: HTTPResponse.Status = .created,
        _ write: (Data, PostgresConnection) async throws -> Output
    ) async throws -> Response {
        let principal = try context.requirePrincipal()
        let key = try IdempotencyKey.from(request)
        let body = try await StrideJSONRequestDecoder.collectBody(of: request, context: context)
        let fingerprint = "\(request.method.rawValue) \(request.uri.path)\n" + String(decoding: body, as: UTF8.self)
        let outcome: (status: Int, body: String, replayed: Bool)
        do {
            outcome = try await pool.transaction { connection in
                var claim: PostgresDeferredRows?
                if let key {
                    claim = try await connection.queryDeferred("""
                        INSERT INTO \(unescaped: schema).idempotency_keys (principal, key, request_hash, status, response_body)
                        VALUES (\(principal.subject), \(key.value), md5(\(fingerprint)), 0, '')
                        ON CONFLICT (principal, key) DO NOTHING RETURNING 1
                        """)
                }
                let output: Output
                do {
                    output = try await write(body, connection)
                } catch {
                    // A retry of a request that already ran answers as that request did, whatever
                    // its write made of the state the first one left.
                    if claim?.rows?.isEmpty == true { throw KeyAlreadyUsed() }
                    throw error
                }
                let text = String(decoding: try JSONBody.encoder.encode(output), as: UTF8.self)
                if let claim, let key {
                    if claim.rows == nil { try await connection.flushDeferred() }
                    guard claim.rows?.isEmpty == false else { throw KeyAlreadyUsed() }
                    try await connection.executeDeferred("""
                        UPDATE \(unescaped: schema).idempotency_keys SET status = \(Int(status.code)), response_body = \(text)
                        WHERE principal = \(principal.subject) AND key = \(key.value)
                        """)
                }
                return (Int(status.code), text, false)
            }
        } catch is KeyAlreadyUsed {
            outcome = try await stored(principal: principal.subject, key: key!.value, fingerprint: fingerprint)
        }
        var headers: HTTPFields = [.contentType: JSONBody.mediaType]
        if outcome.replayed { headers[Self.replayedHeader] = "true" }
        return Response(
            status: HTTPResponse.Status(code: outcome.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: outcome.body)))
    }

    /// The response stored for a key another request holds, once that request has committed.
    private func stored(principal: String, key: String, fingerprint: String) async throws -> (status: Int, body: String, replayed: Bool) {
        let rows = try await pool.withConnection { connection in
            try await connection.query("""
                SELECT request_hash = md5(\(fingerprint)) AS same, status, response_body
                FROM \(unescaped: schema).idempotency_keys WHERE principal = \(principal) AND key = \(key)
                """)
        }
        guard let row = rows.first, try row.decode("status", as: Int.self) != 0 else {
            throw Problem.conflict("The Idempotency-Key is in use; retry.")
        }
        guard try row.decode("same", as: Bool.self) else {
            throw Problem.unprocessable(
                "This Idempotency-Key was already used for a different request; use a new key for a new request.")
        }
        return (try row.decode("status"), try row.decode("response_body"), true)
    }

    /// The write found its key claimed by a request that ran before it: roll back, then replay.
    private struct KeyAlreadyUsed: Error {}
}
