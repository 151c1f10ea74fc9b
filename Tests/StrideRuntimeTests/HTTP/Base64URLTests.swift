import Foundation
import StrideRuntime
import Testing

/// Base64url as tokens and page cursors carry it: unpadded on the way out, padded or not on the
/// way in, the URL-safe alphabet only.
@Suite("Base64url")
struct Base64URLTests {
    @Test("every length round-trips, with and without padding, every byte value included")
    func roundTrip() throws {
        let bytes = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) } + Array(0...255)
        for length in 0...bytes.count {
            let data = Data(bytes.prefix(length))
            let text = Base64URL.encode(data)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == data)
            let padded = text + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
            #expect(Base64URL.decode(padded) == data)
        }
    }

    @Test("the URL-safe characters decode as base64's + and /")
    func urlSafeCharacters() {
        #expect(Base64URL.decode("-_-_") == Data([0xFB, 0xFF, 0xBF]))
        #expect(Base64URL.decode("__8") == Data([0xFF, 0xFF]))
    }

    @Test("text that is not base64url is refused", arguments: ["a+b/", "ab/c", "abcde", "ab cd", "ab\u{0}c", "é123", "a=bc"])
    func refused(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
