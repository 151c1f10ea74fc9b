import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird `ResponseEncoder` using ``JSONBody/encoder``: `application/json`, keys as the types spell them (snake_case).
public struct StrideJSONResponseEncoder: ResponseEncoder, Sendable {
    /// Creates the encoder.
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONBody.encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = JSONBody.mediaType
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
