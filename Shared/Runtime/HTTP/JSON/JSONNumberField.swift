import Foundation

/// Names the field whose number a type cannot hold, which Foundation's `JSONDecoder` does not.
///
/// A fraction where an integer is expected (`"weight": 12.5` for an `Int`), or an integer out of
/// the field's range, makes `JSONDecoder` on Linux throw `dataCorrupted` "The given data was not
/// valid JSON." with an empty coding path: the client learns nothing. When a body is valid JSON
/// and still fails that way, the culprit is one of its numbers. The numbers are found by a scan
/// of the bytes, and decoding is repeated with some of them replaced by `0` (which every numeric
/// field holds), bisecting to the first number that alone keeps the failure. That costs about
/// log2(numbers) + 2 decodes, on the error path only.
struct JSONNumberField: Equatable {
    /// The field's JSON path in the client's spelling (`weight`, `key_results[1].target`), `body`
    /// for a top-level number.
    var path: String
    /// The number as the client wrote it.
    var text: String

    /// Why the number is refused, for the problem's field message.
    var message: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        if let value = Double(text), value.isFinite, value.rounded(.towardZero) != value {
            return "expected a whole number, found \(shown)"
        }
        return "is out of range, found \(shown)"
    }

    /// The number in `body` that `decode` cannot hold, or nil when the failure is not caused by one
    /// number (or `body` is not valid JSON).
    /// - Parameter decode: decodes a body, as the failed attempt did.
    static func rejected(in body: Data, decode: (Data) throws -> Void) -> JSONNumberField? {
        guard (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil else { return nil }
        let bytes = [UInt8](body)
        var scanner = NumberScanner(bytes: bytes)
        guard let numbers = scanner.numbers(), !numbers.isEmpty else { return nil }

        /// Whether decoding fails as before when only `kept` numbers keep their text.
        func failsKeeping(_ kept: Range<Int>) -> Bool {
            var edited = [UInt8]()
            edited.reserveCapacity(bytes.count)
            var offset = 0
            for (index, number) in numbers.enumerated() where !kept.contains(index) {
                edited += bytes[offset..<number.range.lowerBound]
                edited.append(UInt8(ascii: "0"))
                offset = number.range.upperBound
            }
            edited += bytes[offset...]
            do {
                try decode(Data(edited))
                return false
            } catch let DecodingError.dataCorrupted(context) {
                return context.codingPath.isEmpty
            } catch {
                return false
            }
        }

        guard !failsKeeping(0..<0) else { return nil }  // not a number's fault
        var candidates = 0..<numbers.count
        while candidates.count > 1 {
            let half = candidates.lowerBound..<(candidates.lowerBound + candidates.count / 2)
            candidates = failsKeeping(half) ? half : half.upperBound..<candidates.upperBound
        }
        guard failsKeeping(candidates) else { return nil }
        let number = numbers[candidates.lowerBound]
        return JSONNumberField(path: number.path, text: String(decoding: bytes[number.range], as: UTF8.self))
    }
}

/// The number tokens of a JSON document that `JSONSerialization` has accepted, with their paths.
private struct NumberScanner {
    struct Number {
        var path: String
        var range: Range<Int>
    }

    let bytes: [UInt8]
    var index = 0
    var found: [Number] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Every number in document order, or nil when the scan does not understand the document.
    mutating func numbers() -> [Number]? {
        guard value(at: "", depth: 0) else { return nil }
        return found
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value(at path: String, depth: Int) -> Bool {
        guard depth < 512 else { return false }
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            }
            while true {
                skipWhitespace()
                guard let key = string() else { return false }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                guard value(at: path.isEmpty ? key : "\(path).\(key)", depth: depth + 1) else { return false }
                skipWhitespace()
                guard index < bytes.count else { return false }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return true }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return true
            }
            var element = 0
            while true {
                guard value(at: "\(path)[\(element)]", depth: depth + 1) else { return false }
                element += 1
                skipWhitespace()
                guard index < bytes.count else { return false }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return true }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
            }
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
            found.append(Number(path: path.isEmpty ? "body" : path, range: start..<index))
            return true
        default:  // true, false, null
            while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
            return true
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// A string token's text (escapes resolved), the index past its closing quote.
    private mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index
        index += 1
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1  // the escaped character never ends the string
            } else if byte == UInt8(ascii: "\"") {
                let raw = bytes[start..<index]
                guard escaped else { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
                return (try? JSONSerialization.jsonObject(with: Data(raw), options: [.fragmentsAllowed])) as? String
            }
        }
        return nil
    }
}
