import Foundation

/// Text that PostgreSQL cannot store is refused where it enters a service, once, for every
/// service: a `text` value can hold any Unicode character except NUL (U+0000), so a NUL reaching
/// a statement fails it with an internal error. Request paths, query parameters, JSON bodies,
/// page cursors and token claims are checked here and answered with a 4xx naming the field.
public enum StorableText {
    /// Why a value is refused, for the problem's field message.
    public static let nulMessage = "must not contain the NUL character (U+0000)"

    /// Whether `text` can be stored in a PostgreSQL `text` column.
    public static func isStorable(_ text: some StringProtocol) -> Bool {
        !text.utf8.contains(0)
    }

    /// The JSON path (`title`, `key_results[1].title`, a key itself) of the first string in a JSON
    /// document that contains an escaped NUL (`\u0000`), or `nil` when there is none.
    ///
    /// A raw NUL byte is not valid JSON and fails decoding on its own; an escaped one decodes into a
    /// perfectly valid Swift string, so it is looked for here. The byte scan is cheap; the document
    /// is parsed only when an escape is found, to name the field.
    public static func firstNULPath(inJSON body: Data) -> String? {
        guard containsEscapedNUL(body) else { return nil }
        guard let root = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return nil }
        return path(toNULIn: root, at: "") ?? "body"
    }

    /// Scans for `\u0000` outside of an escaped backslash (`\\u0000` is the six characters, not a NUL).
    static func containsEscapedNUL(_ body: Data) -> Bool {
        let zero = UInt8(ascii: "0")
        return body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var index = 0
            let count = bytes.count
            while index < count {
                guard bytes[index] == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                guard index + 1 < count else { return false }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "u"), index + 5 < count,
                    bytes[index + 2] == zero, bytes[index + 3] == zero, bytes[index + 4] == zero, bytes[index + 5] == zero
                {
                    return true
                }
                index += 2  // skips the escaped character, so `\\` never starts a new escape
            }
            return false
        }
    }

    private static func path(toNULIn value: Any, at path: String) -> String? {
        switch value {
        case let text as String:
            return isStorable(text) ? nil : (path.isEmpty ? "body" : path)
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if !isStorable(key) { return child }
                if let found = self.path(toNULIn: object[key]!, at: child) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = self.path(toNULIn: element, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
