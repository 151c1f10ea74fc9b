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
        guard bytes.count == 36 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var index = 0
            for slot in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return false }
                out[slot] = high << 4 | low
                index += 2
            }
            return true
        }
        return parsed ? UUID(uuid: raw) : nil
    }

    /// The value of a lowercase hex digit.
    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
