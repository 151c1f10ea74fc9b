import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird `RequestDecoder` using ``JSONBody/decoder``.
///
/// Errors come out as problems a client can act on: a body that is not JSON by `Content-Type`
/// is 415, a body above `context.maxUploadSize` is 413, and a `DecodingError` is a 400 naming
/// the field (``Problem/decoding(_:)``). A missing `Content-Type` is accepted as JSON.
public struct StrideJSONRequestDecoder: RequestDecoder, Sendable {
    /// Creates the decoder.
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        if let contentType = request.headers[.contentType], !JSONBody.isJSON(contentType: contentType) {
            throw Problem.unsupportedMediaType("The request body must be application/json, not \(contentType).")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw Problem.payloadTooLarge("The request body exceeds the limit of \(context.maxUploadSize) bytes.")
        }
        do {
            return try JSONBody.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Problem.decoding(error)
        }
    }
}
