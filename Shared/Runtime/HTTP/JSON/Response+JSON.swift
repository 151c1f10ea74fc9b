import Foundation
import HTTPTypes
import Hummingbird

extension Response {
    /// A JSON response with a chosen status (e.g. 201 Created), encoded with Stride's conventions.
    ///
    /// ```swift
    /// return try Response.json(goal, status: .created)
    /// ```
    /// - Parameters:
    ///   - value: The body.
    ///   - status: The HTTP status; 200 by default.
    ///   - headers: Extra headers (e.g. `Location`).
    /// - Throws: `EncodingError` if `value` cannot be encoded.
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try JSONBody.encoder.encode(value)
        var allHeaders = headers
        allHeaders[.contentType] = JSONBody.mediaType
        allHeaders[.contentLength] = String(data.count)
        return Response(status: status, headers: allHeaders, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
