import Foundation

/// The line ids an output directory holds: the set that makes every line id written once.
///
/// Change and reversal ids are nearly always UUIDs in their canonical lowercase text; those are
/// kept as 16 bytes (no string per id, a cheap hash), any other id as its text. The two forms
/// never meet: an id is stored as a UUID only when its text is exactly the canonical text of
/// that UUID, so two different texts are always two different ids.
struct PayrollLineIDs: Equatable, Sendable, ExpressibleByArrayLiteral {
    private var uuids: Set<UUID> = []
    private var texts: Set<String> = []

    init() {}

    init(arrayLiteral ids: String...) {
        for id in ids { insert(id) }
    }

    /// How many ids.
    var count: Int { uuids.count + texts.count }
    /// Whether there is none.
    var isEmpty: Bool { uuids.isEmpty && texts.isEmpty }

    /// Whether `id` is held.
    func contains(_ id: PayrollLineID) -> Bool {
        switch id {
        case .uuid(let uuid): uuids.contains(uuid)
        case .text(let text): texts.contains(text)
        }
    }

    /// Adds `id`; `false` when it was already held.
    @discardableResult
    mutating func insert(_ id: PayrollLineID) -> Bool {
        switch id {
        case .uuid(let uuid): uuids.insert(uuid).inserted
        case .text(let text): texts.insert(text).inserted
        }
    }

    /// Adds the id written as `text`; `false` when it was already held.
    @discardableResult
    mutating func insert(_ text: String) -> Bool {
        insert(PayrollLineID(text))
    }

    /// Makes room for `count` more ids.
    mutating func reserveCapacity(_ count: Int) {
        uuids.reserveCapacity(uuids.count + count)
    }
}

/// One line id, in the form ``PayrollLineIDs`` keeps it.
enum PayrollLineID: Hashable, Sendable {
    /// An id whose text is the canonical (lowercase, hyphenated) text of this UUID.
    case uuid(UUID)
    /// Any other id.
    case text(String)

    /// The id written as `text`.
    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self.canonicalUUID($0) }.map(Self.uuid) ?? .text(text)
    }

    /// The id written as `bytes` (UTF-8).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self = Self.canonicalUUID(bytes).map(Self.uuid) ?? .text(String(decoding: bytes, as: UTF8.self))
    }

    /// The UUID whose canonical text is exactly `bytes`: 36 bytes, lowercase hex digits with
    /// hyphens after the 8th, 12th, 16th and 20th; `nil` for anything else.
    static func canonicalUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var invalid: UInt8 = 0
            for (slot, index) in digitPairs.enumerated() {
                let high = lowercaseHexValue[Int(bytes[index])], low = lowercaseHexValue[Int(bytes[index + 1])]
                invalid |= (high | low) & 0x10
                out[slot] = high << 4 | (low & 0x0F)
            }
            return invalid == 0
        }
        return parsed ? UUID(uuid: raw) : nil
    }

    /// Where each byte's two hex digits start in the text.
    private static let digitPairs = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]

    /// Per byte, its value as a lowercase hex digit, or 0x10 for any other byte.
    private static let lowercaseHexValue: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        default: 0x10
        }
    }
}
