import Foundation
import StrideRuntime

extension OpenAPIDocument {
    /// How a `Codable` model and the schema that documents it disagree, each as a sentence for
    /// the test report (nothing when they agree): with every property set the model decodes and
    /// encodes back exactly the schema's properties; with only the required ones, exactly those;
    /// and without any one required field it does not decode. Uses the API's JSON coders.
    /// - Throws: when the schema is missing or a sample cannot be built or decoded at all.
    /// - Parameter adjust: rewrites each sample before it is decoded (e.g. a type that accepts
    ///   only certain strings where the samples write `"text"`).
    public func codableFieldProblems<T: Codable>(
        of schema: String, as type: T.Type, adjustingSamples adjust: ([String: Any]) -> [String: Any] = { $0 }
    ) throws -> [String] {
        guard let fields = fields(ofSchema: schema) else { return ["no schema \(schema) in the document"] }
        var problems: [String] = []
        let full = adjust(try sampleObject(ofSchema: schema, fields: .all))
        let encodedFull = try Self.roundTrip(type, full).sorted()
        if encodedFull != fields.properties.sorted() {
            problems.append("properties of \(schema) vs \(type): \(encodedFull) encoded, \(fields.properties.sorted()) documented")
        }
        let minimal = adjust(try sampleObject(ofSchema: schema, fields: .required))
        let encodedMinimal = try Self.roundTrip(type, minimal).sorted()
        if encodedMinimal != fields.required.sorted() {
            problems.append("required fields of \(schema) vs \(type): \(encodedMinimal) encoded, \(fields.required.sorted()) documented")
        }
        for key in fields.required.sorted() {
            var body = full
            body[key] = nil
            if (try? Self.roundTrip(type, body)) != nil {
                problems.append("\(type) decodes without \(key), which \(schema) lists as required")
            }
        }
        return problems
    }

    /// Decodes `object` as `T` with the API's decoder and returns the keys it encodes back to.
    public static func roundTrip<T: Codable>(_ type: T.Type, _ object: [String: Any]) throws -> [String] {
        let value = try JSONBody.decoder.decode(T.self, from: JSONSerialization.data(withJSONObject: object))
        return try encodedKeys(of: value)
    }

    /// The top-level keys `value` encodes to with the API's encoder.
    public static func encodedKeys(of value: some Encodable) throws -> [String] {
        guard let object = try JSONSerialization.jsonObject(with: JSONBody.encoder.encode(value)) as? [String: Any] else {
            throw OpenAPIShapeError("\(type(of: value)) does not encode to a JSON object")
        }
        return object.keys.sorted()
    }
}

/// A model that does not have the shape a document check expects.
public struct OpenAPIShapeError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
