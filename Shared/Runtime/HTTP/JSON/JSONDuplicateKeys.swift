import Foundation

/// Finds a name given twice in one JSON object of a request body. JSON leaves what such a
/// document means to each parser (RFC 8259 §4: names SHOULD be unique), so a body that says
/// `"value"` twice is refused instead of silently keeping one of them.
enum JSONDuplicateKeys {
    /// The path of the first name that repeats within its object (`owner.name`, `items[2].id`),
    /// or nil when there is none or the bytes are not JSON (the decoder says why).
    static func firstPath(in body: Data) -> String? {
        body.withUnsafeBytes { bytes -> String? in
            var scanner = Scanner(bytes: bytes)
            return scanner.run()
        }
    }

    /// One container being read: an object (its names so far, whether a name comes next) or an
    /// array (the index of the element being read).
    private struct Frame {
        var isObject: Bool
        var names: Set<String> = []
        var expectsName = true
        var member = ""
        var index = 0
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0
        var frames: [Frame] = []

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func run() -> String? {
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "{"):
                    frames.append(Frame(isObject: true))
                case UInt8(ascii: "["):
                    frames.append(Frame(isObject: false))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard frames.popLast() != nil else { return nil }
                case UInt8(ascii: ","):
                    guard !frames.isEmpty else { return nil }
                    if frames[frames.count - 1].isObject {
                        frames[frames.count - 1].expectsName = true
                    } else {
                        frames[frames.count - 1].index += 1
                    }
                case UInt8(ascii: "\""):
                    guard let text = string() else { return nil }
                    let top = frames.count - 1
                    if top >= 0, frames[top].isObject, frames[top].expectsName {
                        guard let name = decodedName(text) else { return nil }
                        // In place: a copy of the frame would copy its set of names for every name.
                        if !frames[top].names.insert(name).inserted { return path(endingWith: name) }
                        frames[top].expectsName = false
                        frames[top].member = name
                    }
                    continue  // `string()` moved past the closing quote
                default:
                    break
                }
                position += 1
            }
            return nil
        }

        /// The raw bytes between the quotes of the string that starts at `position`, leaving
        /// `position` after its closing quote; nil when it never closes.
        mutating func string() -> UnsafeRawBufferPointer.SubSequence? {
            let start = position + 1
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    position = index + 1
                    return bytes[start..<index]
                default: index += 1
                }
            }
            return nil
        }

        /// A name as the decoder would read it: escapes (`\u0061` is `a`) resolved.
        func decodedName(_ raw: UnsafeRawBufferPointer.SubSequence) -> String? {
            guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
            let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
            return (try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed])) as? String
        }

        func path(endingWith name: String) -> String {
            var path = ""
            for frame in frames.dropLast() {
                if frame.isObject {
                    path += path.isEmpty ? frame.member : ".\(frame.member)"
                } else {
                    path += "[\(frame.index)]"
                }
            }
            return path.isEmpty ? name : "\(path).\(name)"
        }
    }
}
