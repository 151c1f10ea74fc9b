import Foundation
import Testing

@testable import StrideContracts

/// `UUID.random()`, the event and request ids' generator: version 4 and RFC 9562's variant,
/// every other bit from the random source.
@Suite("Random UUIDs")
struct RandomUUIDTests {
    static func bytes(_ uuid: UUID) -> [UInt8] { withUnsafeBytes(of: uuid.uuid) { Array($0) } }

    @Test("version 4 and variant 0b10, whatever the random bits")
    func versionAndVariant() {
        for (high, low) in [(UInt64.zero, UInt64.zero), (.max, .max), (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)] {
            let bytes = Self.bytes(UUID.random(high: high, low: low))
            #expect(bytes[6] >> 4 == 4)
            #expect(bytes[8] >> 6 == 0b10)
        }
        let drawn = Self.bytes(UUID.random())
        #expect(drawn[6] >> 4 == 4 && drawn[8] >> 6 == 0b10)
    }

    @Test("the random bits land in order, most significant first")
    func bitsInOrder() {
        let uuid = UUID.random(high: 0x0123_4567_89AB_CDEF, low: 0x3EDC_BA98_7654_3210)
        #expect(uuid.uuidString == "01234567-89AB-4DEF-BEDC-BA9876543210")
    }

    @Test("ids drawn one after another differ")
    func distinct() {
        let ids = Set((0..<10_000).map { _ in UUID.random() })
        #expect(ids.count == 10_000)
    }
}
