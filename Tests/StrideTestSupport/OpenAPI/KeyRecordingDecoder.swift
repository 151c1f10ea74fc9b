import Foundation
import StrideRuntime

/// A `Decoder` over one JSON object that writes down every top-level key a type's `init(from:)`
/// asks about (`decode`, `decodeIfPresent`, `contains`), present or not, and decodes the values it
/// finds with ``JSONBody/decoder``. It tells which fields a request type reads, whether or not they
/// are optional and whatever its `CodingKeys` are called.
public struct KeyRecordingDecoder: Decoder {
    /// The keys asked about; a class so every container of the decoder writes to one list.
    public final class Log {
        public var keys: Set<String> = []

        public init() {}
    }

    public let object: [String: Any]
    public let log: Log

    /// A decoder over `object` that writes the keys asked about to `log`.
    public init(object: [String: Any], log: Log) {
        self.object = object
        self.log = log
    }

    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(object: object, log: log))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "request bodies are JSON objects"))
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "request bodies are JSON objects"))
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: Any]
        let log: Log

        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool {
            log.keys.insert(key.stringValue)
            return object[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            log.keys.insert(key.stringValue)
            return object[key.stringValue] == nil || object[key.stringValue] is NSNull
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            log.keys.insert(key.stringValue)
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
            }
            return try JSONBody.decoder.decode(T.self, from: JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed))
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

        /// The generic path, for the concrete requirements above.
        private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try decode(type, forKey: key)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "nested containers are not recorded"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "nested containers are not recorded"))
        }

        func superDecoder() throws -> any Decoder { KeyRecordingDecoder(object: object, log: log) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "super decoders are not recorded"))
        }
    }
}
