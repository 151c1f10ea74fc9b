import Foundation
import StrideContracts
import StrideKafka
import StridePostgres
@testable import StrideRuntime
import Testing

/// The JSON a bulk step builds by concatenating text in SQL, against what PostgreSQL's own
/// builders print for the same values, and the headers against what the relay and the contracts
/// read — on the real database, with values that need escaping and values that are `NULL`.
@Suite("SQL-built JSON: payloads and outbox headers")
struct SQLJSONObjectTests {
    /// Rows with the awkward values: quotes, backslashes, control characters, non-ASCII text, NULLs.
    static let rows = """
        (VALUES (1, 'plain', 'E-1'::text, 12.50::numeric, NULL::text, DATE '2027-01-31'),
                (2, E'say "hi"\\\\ \\n\\t\\u0001', 'Zoë "Z"', -0.000100::numeric, 'x', DATE '2027-02-01'),
                (3, '', E'\\u2028', 0::numeric, NULL::text, DATE '1999-12-31')) AS v(n, s, e, d, o, day)
        """

    @Test("the concatenated object is the bytes json_strip_nulls(json_build_object(…)) prints, escapes and NULLs included")
    func sameAsPostgres() async throws {
        let fixture = try await RuntimeFixture()
        defer { Task { await fixture.pool.close() } }
        let object = SQLJSONObject([
            .init("n", .number("v.n")), .init("s", .string("v.s")), .init("e", .string("v.e")),
            .init("d", .plainString("trim_scale(v.d)::text")), .init("o", .string("v.o"), optional: true),
            .init("nested", .json(SQLJSONObject([.init("day", .plainString("v.day::text")), .init("o", .string("v.o"), optional: true)]).sql)),
            .init("last", .string("v.o"), optional: true),
        ])
        let rows = try await fixture.pool.query("""
            SELECT \(unescaped: object.sql),
                   json_strip_nulls(json_build_object('n', v.n, 's', v.s, 'e', v.e, 'd', trim_scale(v.d)::text, 'o', v.o,
                       'nested', json_build_object('day', v.day::text, 'o', v.o), 'last', v.o))::text
            FROM \(unescaped: Self.rows) ORDER BY v.n
            """)
        #expect(rows.count == 3)
        for row in rows {
            let built = try row.decode(0, as: String.self)
            #expect(built == (try row.decode(1, as: String.self)))
            #expect((try? JSONSerialization.jsonObject(with: Data(built.utf8))) != nil, "\(built)")
        }
        let first = try rows[0].decode(0, as: String.self)
        #expect(first == #"{"n":1,"s":"plain","e":"E-1","d":"12.5","nested":{"day":"2027-01-31"}}"#)
    }

    @Test("a required member whose value is NULL writes null, as json_build_object does")
    func requiredNull() async throws {
        let fixture = try await RuntimeFixture()
        defer { Task { await fixture.pool.close() } }
        let object = SQLJSONObject([.init("a", .string("NULL::text")), .init("b", .number("NULL::int")), .init("c", .json("NULL::text"))])
        let text = try await fixture.pool.query("SELECT \(unescaped: object.sql)")[0].decode(0, as: String.self)
        #expect(text == #"{"a":null,"b":null,"c":null}"#)
        #expect(try await fixture.pool.query("SELECT \(unescaped: SQLJSONObject([]).sql)")[0].decode(0, as: String.self) == "{}")
    }

    @Test("SQL-built headers are the EventCodec headers, and the relay reads them back as bytes")
    func headers() async throws {
        let fixture = try await RuntimeFixture()
        defer { Task { await fixture.pool.close() } }
        let time = Date(timeIntervalSince1970: 1_796_000_000.123)
        let id = UUID()
        let expression = OutboxSQL.headers(
            source: "/stride/it's", type: "stride.test.thing.v1", ceTime: OutboxSQL.ceTime(time), id: "$1::uuid", subject: "$2::text")
        for subject in ["E-1", #"Zoë "quoted" \ back"#] {
            let query = PostgresQuery(unsafeSQL: "SELECT (\(expression))::text", binds: [
                PostgresBind(text: id.uuidString.lowercased()), PostgresBind(text: subject),
            ])
            let text = try await fixture.pool.query(query)[0].decode(0, as: String.self)
            let read = try OutboxHeaders.decode(text)
            let expected = EventCodec.headers(for: EventMetadata(
                id: id, source: "/stride/it's", type: "stride.test.thing.v1", time: time, subject: subject))
            #expect(read.map(\.key) == expected.map(\.name))
            #expect(read.map(\.stringValue) == expected.map(\.value))
        }
    }
}
