import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import StridePostgres

/// Makes a service's HTTP writes idempotent with its `<schema>.idempotency_keys` table: the first
/// request with an `Idempotency-Key` runs and its response is stored **in the same transaction**
/// as its effect; a retry with the same key and the same request gets that response back
/// (header `Idempotent-Replayed: true`) without running again. Reusing a key for a different
/// request is a 422. A request without a key simply runs.
///
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
        let outcome: (status: Int, body: String, replayed: Bool) = try await pool.transaction { connection in
            if let key {
                let claimed = try await connection.query("""
                    INSERT INTO \(unescaped: schema).idempotency_keys (principal, key, request_hash, status, response_body)
                    VALUES (\(principal.subject), \(key.value), md5(\(fingerprint)), 0, '')
                    ON CONFLICT (principal, key) DO NOTHING RETURNING 1
                    """)
                if claimed.isEmpty {
                    let rows = try await connection.query("""
                        SELECT request_hash = md5(\(fingerprint)) AS same, status, response_body
                        FROM \(unescaped: schema).idempotency_keys WHERE principal = \(principal.subject) AND key = \(key.value)
                        """)
                    guard let row = rows.first else { throw Problem.conflict("The Idempotency-Key is in use; retry.") }
                    guard try row.decode("same", as: Bool.self) else {
                        throw Problem.unprocessable(
                            "This Idempotency-Key was already used for a different request; use a new key for a new request.")
                    }
                    return (try row.decode("status"), try row.decode("response_body"), true)
                }
            }
            let output = try await write(body, connection)
            let text = String(decoding: try JSONBody.encoder.encode(output), as: UTF8.self)
            if let key {
                try await connection.executeDeferred("""
                    UPDATE \(unescaped: schema).idempotency_keys SET status = \(Int(status.code)), response_body = \(text)
                    WHERE principal = \(principal.subject) AND key = \(key.value)
                    """)
            }
            return (Int(status.code), text, false)
        }
        var headers: HTTPFields = [.contentType: JSONBody.mediaType]
        if outcome.replayed { headers[Self.replayedHeader] = "true" }
        return Response(
            status: HTTPResponse.Status(code: outcome.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: outcome.body)))
    }
}
