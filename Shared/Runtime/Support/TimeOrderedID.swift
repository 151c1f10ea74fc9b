import Foundation

/// Identifiers every service mints: UUID version 7 (RFC 9562) as lowercase text.
///
/// The first 48 bits are the Unix time in milliseconds, so ids sort by creation time (to the
/// millisecond; ids made in the same millisecond are in random order) and a keyset page over them
/// lists records oldest first. The other 74 bits besides version and variant are random.
///
/// Every service's schema has the same generator in SQL, `uuid_v7()` (runtime migration 10), for
/// rows made in bulk by a statement.
public enum TimeOrderedID {
    /// A new time-ordered id, e.g. `0193f1c2-7a4e-7b21-9c3d-5e6f7a8b9c0d`.
    /// - Parameter now: the instant the id records (times before 1970 record 0).
    public static func make(now: Date = Date()) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        // Whole microseconds first, as PostgreSQL keeps time, so that an instant such as
        // 12:00:00.002 (not exact in binary) records millisecond 2, not 1.
        let microseconds = max(0, (now.timeIntervalSince1970 * 1_000_000).rounded())
        let milliseconds = UInt64(microseconds) / 1000
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        // Two reads of the system's random source, not one per byte (each is a system call).
        var generator = SystemRandomNumberGenerator()
        let random: (UInt64, UInt64) = (generator.next(), generator.next())
        withUnsafeBytes(of: random) { source in
            for index in 6..<16 { bytes[index] = source[index] }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // variant 0b10 (RFC 9562)
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }

    /// The instant a version 7 id records (to the millisecond), or `nil` when `id` is not UUID
    /// text of version 7 and variant `0b10`.
    public static func timestamp(of id: String) -> Date? {
        guard let uuid = UUID(uuidString: id) else { return nil }
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        guard bytes[6] >> 4 == 7, bytes[8] >> 6 == 0b10 else { return nil }
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
