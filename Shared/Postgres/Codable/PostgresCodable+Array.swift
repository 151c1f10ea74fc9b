/// One-dimensional arrays bind and decode as PostgreSQL arrays (`{1,2,NULL}`), with `Optional`
/// elements for `NULL`s. `[UInt8]` is the exception: it is `bytea`.
extension Array: PostgresEncodable where Element: PostgresEncodable {
    public static var postgresType: PostgresDataType {
        Element.self == UInt8.self ? .bytea : Element.postgresType.arrayType
    }

    public var postgresText: String? {
        get throws {
            if Element.self == UInt8.self, let bytes = self as? [UInt8] { return PostgresBytea.hex(bytes) }
            var literal: [UInt8] = [UInt8(ascii: "{")]
            for (index, element) in enumerated() {
                if index > 0 { literal.append(UInt8(ascii: ",")) }
                if let value = try element.postgresText {
                    PostgresArrayLiteral.appendQuoted(value, to: &literal)
                } else {
                    literal.append(contentsOf: "NULL".utf8)
                }
            }
            literal.append(UInt8(ascii: "}"))
            return String(decoding: literal, as: UTF8.self)
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// Decodes an array literal; `[UInt8]` also decodes `bytea` hex text.
    /// - Throws: when the text is not a one-dimensional array literal, an element does not decode,
    ///   or an element is `NULL` and `Element` is not optional.
    public init(postgresText: String, type: PostgresDataType) throws {
        if Element.self == UInt8.self, PostgresBytea.isHex(postgresText) {
            self = try PostgresBytea.decode(postgresText) as! [Element]  // Element is UInt8 (checked above)
            return
        }
        guard let elements = PostgresArrayLiteral.parse(postgresText) else {
            throw PostgresDecodingFailure("not a one-dimensional array literal")
        }
        self = try elements.enumerated().map { index, text in
            guard let text else {
                do { return try Element.postgresNull() } catch {
                    throw PostgresDecodingFailure("element \(index + 1) is NULL; decode an array of optionals")
                }
            }
            do { return try Element(postgresText: text, type: .unspecified) } catch let failure as PostgresDecodingFailure {
                throw PostgresDecodingFailure("element \(index + 1) '\(text)': \(failure.reason)")
            }
        }
    }
}

/// PostgreSQL's array text format: `{a,"b c",NULL,"x\"y"}` (optionally with `[1:3]=` bounds).
enum PostgresArrayLiteral {
    /// Appends `value` double-quoted, with `"` and `\` backslash-escaped, as UTF-8: the runs
    /// between escapes are copied whole (a JSON document in an array has a quote every few bytes).
    static func appendQuoted(_ value: String, to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "\\") {
                literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                literal.append(UInt8(ascii: "\\"))
                start = index
            }
            literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        literal.append(UInt8(ascii: "\""))
    }

    /// The elements of a one-dimensional array literal (`nil` for unquoted `NULL`), or `nil` when
    /// the text is not one.
    static func parse(_ text: String) -> [String?]? {
        let bytes = Array(text.utf8)
        var index = 0
        if bytes.first == UInt8(ascii: "[") {  // explicit bounds: [1:3]={…}
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            index = equals + 1
        }
        func skipSpace() { while index < bytes.count, bytes[index] == 32 || (9...13).contains(bytes[index]) { index += 1 } }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipSpace()
        var elements: [String?] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            skipSpace()
            return index == bytes.count ? elements : nil
        }
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            var element: [UInt8] = []
            var quoted = false
            if bytes[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while true {
                    guard index < bytes.count else { return nil }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") { index += 1; break }
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                        guard index < bytes.count else { return nil }
                    }
                    element.append(bytes[index])
                    index += 1
                }
            } else {
                guard bytes[index] != UInt8(ascii: "{") else { return nil }  // multi-dimensional
                while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                        guard index < bytes.count else { return nil }
                    }
                    element.append(bytes[index])
                    index += 1
                }
                while let last = element.last, last == 32 { element.removeLast() }
            }
            let value = String(decoding: element, as: UTF8.self)
            elements.append(!quoted && value.uppercased() == "NULL" ? nil : value)
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            skipSpace()
            return index == bytes.count ? elements : nil
        }
    }
}
