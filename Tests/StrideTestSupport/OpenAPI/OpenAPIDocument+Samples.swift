import Foundation

/// JSON values made from the document's schemas, so a test can decode them with a service's
/// `Codable` types and compare what the types encode back with what the schema lists, without a
/// hand-written sample per type.
extension OpenAPIDocument {
    /// What a sample is made of.
    public enum SampleFields: Sendable {
        /// Every property, at every level.
        case all
        /// Only the `required` properties, at every level.
        case required
    }

    /// A sample of `components.schemas.<name>` as a JSON object (`JSONSerialization` types).
    /// - Throws: ``SampleFailure`` when the schema is missing, not an object, or outside what samples cover.
    public func sampleObject(ofSchema name: String, fields: SampleFields) throws -> [String: Any] {
        guard let schema = schema(name) else { throw SampleFailure("no schema \(name) in \(self.name)") }
        guard let object = try sample(of: schema, fields: fields, at: name) as? [String: Any] else {
            throw SampleFailure("\(name) is not an object schema")
        }
        return object
    }

    /// A JSON value that fits `schema`: `$ref`s followed, the first of an `enum`, `allOf`,
    /// `oneOf` or `anyOf`, the first non-null `type`, one item per array, a date, date-time, URI or
    /// decimal (a string with a digit `pattern`) where the format asks for one.
    /// - Parameters:
    ///   - schema: the schema (or a `$ref` to one).
    ///   - fields: every property or only the required ones, of every object.
    ///   - path: where `schema` is, for messages (`TeamBoardRow.cadence`).
    public func sample(of schema: YAMLValue, fields: SampleFields, at path: String) throws -> Any {
        guard path.split(separator: ".").count < 16 else { throw SampleFailure("\(path): the schema nests too deep (a cycle?)") }
        if let reference = schema["$ref"]?.text {
            guard let target = target(of: reference) else { throw SampleFailure("\(path): $ref \(reference) resolves to nothing") }
            return try sample(of: target, fields: fields, at: path)
        }
        for combinator in ["allOf", "oneOf", "anyOf"] {
            if let first = schema[combinator]?.items.first { return try sample(of: first, fields: fields, at: path) }
        }
        let type = schema["type"]?.text ?? schema["type"]?.texts.first(where: { $0 != "null" })
            ?? (schema["properties"] != nil || schema["additionalProperties"] != nil ? "object" : nil)
        if let first = schema["enum"]?.texts.first {
            switch type {
            case "integer": return Int(first) ?? 0
            case "number": return Double(first) ?? 0
            case "boolean": return first == "true"
            default: return first
            }
        }
        switch type {
        case "string":
            switch schema["format"]?.text {
            case "date": return "2026-07-02"
            case "date-time": return "2026-07-02T12:00:00Z"
            case "uri": return "https://example.com/r"
            case "email": return "e1@example.com"
            default:
                if let pattern = schema["pattern"]?.text {
                    guard pattern.contains("[0-9]") else { throw SampleFailure("\(path): no sample for pattern \(pattern)") }
                    return "12.5"
                }
                return "text"
            }
        case "integer":
            return schema["minimum"]?.text.flatMap { Int($0) }.map { max($0, 1) } ?? 1
        case "number":
            return 1.5
        case "boolean":
            return true
        case "array":
            guard let items = schema["items"] else { throw SampleFailure("\(path): an array without items") }
            return [try sample(of: items, fields: fields, at: path + "[]")]
        case "object":
            let required = Set(schema["required"]?.texts ?? [])
            var object: [String: Any] = [:]
            for (key, property) in schema["properties"]?.entries ?? [] where fields == .all || required.contains(key) {
                object[key] = try sample(of: property, fields: fields, at: path + "." + key)
            }
            if fields == .all, let additional = schema["additionalProperties"], additional.text == nil {
                object["key"] = try sample(of: additional, fields: fields, at: path + ".*")
            }
            return object
        default:
            throw SampleFailure("\(path): no sample for a schema without a type")
        }
    }

    /// A schema outside what ``sample(of:fields:at:)`` can make a value of.
    public struct SampleFailure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
