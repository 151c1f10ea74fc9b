import Foundation
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// UUID version 7 ids: the Swift generator every service mints with, and `uuid_v7()` that the
/// runtime's migrations give every service's schema.
@Suite("Time-ordered ids")
struct TimeOrderedIDTests {
    /// The version nibble and the two variant bits of UUID text.
    static func versionAndVariant(_ id: String) throws -> (version: UInt8, variant: UInt8) {
        let uuid = try #require(UUID(uuidString: id), "not UUID text: \(id)")
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        return (bytes[6] >> 4, bytes[8] >> 6)
    }

    @Test("the Swift generator makes lowercase version 7, variant 0b10 UUID text that records its millisecond")
    func versionAndVariantBits() throws {
        let now = Date(timeIntervalSince1970: 1_767_225_600.123_9)  // 2026-01-01T00:00:00.1239Z
        for _ in 0..<1_000 {
            let id = TimeOrderedID.make(now: now)
            #expect(id == id.lowercased() && id.count == 36)
            let bits = try Self.versionAndVariant(id)
            #expect(bits.version == 7 && bits.variant == 0b10, "\(id)")
            #expect(TimeOrderedID.timestamp(of: id) == Date(timeIntervalSince1970: 1_767_225_600.123))
        }
        #expect(TimeOrderedID.make(now: now).hasPrefix("019b76da-a87b-7"))
        #expect(TimeOrderedID.timestamp(of: UUID().uuidString) == nil, "a version 4 UUID records no time")
        #expect(TimeOrderedID.timestamp(of: "not-a-uuid") == nil)
    }

    @Test("ids sort by the millisecond they were made in, as text and as UUIDs")
    func sortsByTime() throws {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        // Steps of one millisecond up to years apart, including where a byte carries over.
        let offsets: [Double] = [0, 0.001, 0.002, 0.255, 0.256, 1, 65.536, 86_400, 31_536_000 * 3]
        let ids = offsets.map { TimeOrderedID.make(now: start.addingTimeInterval($0)) }
        #expect(ids.sorted() == ids)
        #expect(ids.map { TimeOrderedID.timestamp(of: $0)!.timeIntervalSince(start) }.map { ($0 * 1000).rounded() }
            == offsets.map { ($0 * 1000).rounded() })
        let shuffled = ids.shuffled()
        #expect(shuffled.sorted() == ids)
    }

    @Test("ids are unique over many calls, also within one millisecond")
    func unique() {
        let now = Date()
        var seen = Set<String>()
        for _ in 0..<100_000 { seen.insert(TimeOrderedID.make(now: now)) }
        #expect(seen.count == 100_000)
        for _ in 0..<10_000 { seen.insert(TimeOrderedID.make()) }
        #expect(seen.count == 110_000)
    }

    @Test("uuid_v7() in a schema migrated by the runtime alone: version 7, variant 0b10, the database's clock")
    func sqlFunction() async throws {
        let fixture = try await RuntimeFixture()
        do {
            let schema = try await fixture.migratedSchema("uuid_v7")
            let rows = try await fixture.pool.query("""
                SELECT id::text, extract(epoch FROM now())::float8
                FROM (SELECT \(unescaped: schema).uuid_v7() AS id FROM generate_series(1, 2000)) ids
                """)
            let ids = try rows.map { try $0.decode(0, as: String.self) }
            let databaseNow = try #require(rows.first).decode(1, as: Double.self)
            #expect(Set(ids).count == 2_000)
            for id in ids {
                let bits = try Self.versionAndVariant(id)
                #expect(bits.version == 7 && bits.variant == 0b10, "\(id)")
                let recorded = try #require(TimeOrderedID.timestamp(of: id), "\(id)")
                // Made by this statement, at or after its start: within a few seconds of now().
                #expect(abs(recorded.timeIntervalSince1970 - databaseNow) < 5, "\(id) records \(recorded)")
            }

            // An explicit instant: its millisecond exactly; the Swift generator's prefix for the same instant.
            let instant = "2026-01-01T00:00:00.1239Z"
            let at = try await fixture.pool.query("SELECT \(unescaped: schema).uuid_v7(\(instant)::timestamptz)::text")[0]
                .decode(0, as: String.self)
            #expect(TimeOrderedID.timestamp(of: at) == Date(timeIntervalSince1970: 1_767_225_600.123))
            #expect(at.prefix(13) == TimeOrderedID.make(now: Date(timeIntervalSince1970: 1_767_225_600.1239)).prefix(13))

            // One function, callable without arguments, in the schema itself (not public's).
            let functions = try await fixture.pool.query("""
                SELECT pg_get_function_identity_arguments(p.oid) FROM pg_proc p
                WHERE p.proname = 'uuid_v7' AND p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = \(schema))
                """).map { try $0.decode(0, as: String.self) }
            #expect(functions == ["issued_at timestamp with time zone"])
            try await fixture.pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        } catch {
            await fixture.pool.close()
            throw error
        }
        await fixture.pool.close()
    }
}
