import Foundation

extension UUID {
    /// A random (version 4, RFC 9562) UUID drawn from the system's random source in two reads.
    ///
    /// `UUID()` is the same kind of id, but Foundation on Linux opens, reads and closes
    /// `/dev/urandom` for each one: three system calls per id, and every request and event on a
    /// hot path makes a few (`perf` of the goals progress benchmark showed the file opens).
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        return random(high: generator.next(), low: generator.next())
    }

    /// The version 4 UUID whose random bits are those of `high` and `low` (the version and
    /// variant bits overwritten); `random()` with its randomness given, for tests.
    static func random(high: UInt64, low: UInt64) -> UUID {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 0b10
        let h = high.bigEndian, l = low.bigEndian
        return withUnsafeBytes(of: (h, l)) { bytes in
            UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        }
    }
}
