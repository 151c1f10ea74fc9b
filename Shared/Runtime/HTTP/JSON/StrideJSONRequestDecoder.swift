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
        try Self.decode(type, from: try await Self.collectBody(of: request, context: context))
    }

    /// The request's JSON body bytes, checked for media type and size.
    /// - Throws: ``Problem`` 415 for a non-JSON `Content-Type`, 413 above `context.maxUploadSize`.
    public static func collectBody(of request: Request, context: some RequestContext) async throws -> Data {
        if let contentType = request.headers[.contentType], !JSONBody.isJSON(contentType: contentType) {
            throw Problem.unsupportedMediaType("The request body must be application/json, not \(contentType).")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw Problem.payloadTooLarge("The request body exceeds the limit of \(context.maxUploadSize) bytes.")
        }
        return Data(buffer.readableBytesView)
    }

    /// Decodes collected body bytes.
    /// - Throws: ``Problem/decoding(_:)`` (400 naming the field) when they do not fit `type`,
    ///   including a fraction in an integer field or a number out of its field's range; 400
    ///   naming the field when a string holds a NUL character, which PostgreSQL cannot store, or
    ///   when an object gives the same name twice.
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        if let field = StorableText.firstNULPath(inJSON: body) {
            throw Problem.validation(field: field, StorableText.nulMessage)
        }
        if let field = JSONDuplicateKeys.firstPath(in: body) {
            throw Problem.validation(field: field, "This name is given more than once in the same object; give it once.")
        }
        do {
            return try JSONBody.decoder.decode(T.self, from: body)
        } catch let error as DecodingError {
            // Foundation reports a fraction in an integer field (or a number out of a field's
            // range) as invalid JSON, without the field; find it.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let number = JSONNumberField.rejected(in: body, decode: { _ = try JSONBody.decoder.decode(T.self, from: $0) })
            {
                throw Problem.validation(field: number.path, number.message)
            }
            throw Problem.decoding(error)
        }
    }
}
