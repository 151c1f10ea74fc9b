import Foundation
import Testing

@testable import StridePostgres

/// The typed row encoder writes exactly what `postgresText` says, escaped for COPY or for array
/// literals, and the fast paths load the same rows as the boxed ones.
@Suite("Row encoder")
struct RowEncoderTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
    static let id = UUID(uuidString: "0192F1A4-7B3C-7D2E-8F10-0123456789AB")!

    /// A field as the boxed path wrote it: `postgresText`, then COPY-escaped.
    static func copyText(_ value: some PostgresEncodable) throws -> String {
        guard let text = try value.postgresText else { return #"\N"# }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += #"\\"#
            case "\t": escaped += #"\t"#
            case "\n": escaped += #"\n"#
            case "\r": escaped += #"\r"#
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func encoded(_ value: some PostgresEncodable) throws -> String {
        var encoder = PostgresRowEncoder.copy(capacity: 64)
        try encoder.encode(value)
        return String(decoding: encoder.writers[0].bytes, as: UTF8.self)
    }

    @Test func everyFastFieldWritesItsPostgresText() throws {
        let values: [any PostgresEncodable] = [
            0, 7, -42, Int.max, Int.min, Int64.min, Int32.min, Int16.max, UInt8(255), true, false,
            "plain", "tab\tnew\nline\rcr back\\slash", "", "emoji 🎯", Substring("sub\\string"),
            Self.id, Self.date, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -62_200_000_000.5),
            Decimal(string: "1234.50")!, 3.25, Int?.none, Optional(5),
            PostgresJSON(["k": "v\\w"]), [1, 2, 3], ["a", nil, "b\"c"] as [String?], [UInt8(0), 92], Data([1, 2]),
        ]
        for value in values {
            #expect(try Self.encoded(value) == Self.copyText(value), "\(type(of: value))")
        }
    }

    @Test func copyRowsAreTabSeparatedWithNullMarkers() throws {
        var encoder = PostgresRowEncoder.copy(capacity: 64)
        try encoder.encode(1)
        try encoder.encodeNull()
        try encoder.encode(any: nil)
        try encoder.encode("x")
        try encoder.endRow()
        try encoder.encode(2)
        try encoder.endRow()
        #expect(String(decoding: encoder.writers[0].bytes, as: UTF8.self) == "1\t\\N\t\\N\tx\n2\n")
    }

    @Test func arrayColumnsParseBackToEveryValue() throws {
        let names: [String?] = ["plain", "quote \" and \\ back", nil, "", "NULL", "{braces},comma", " spaced ", "tab\tline\n"]
        let batch = try PostgresArrayColumns(columns: 3, rows: names.indices) { index, row in
            try row.encode(index)
            try row.encode(names[index])
            try row.encode(index % 2 == 0 ? Self.date : nil)
        }
        #expect(batch.rowCount == names.count)
        #expect(PostgresArrayLiteral.parse(batch[0].text!) == names.indices.map { String($0) })
        #expect(PostgresArrayLiteral.parse(batch[1].text!) == names)
        #expect(PostgresArrayLiteral.parse(batch[2].text!) == names.indices.map { $0 % 2 == 0 ? PostgresTimestamp.format(Self.date) : nil })
    }

    @Test func aBatchRowWithTheWrongFieldCountNamesTheRow() {
        #expect(throws: PostgresError.self) {
            try PostgresArrayColumns(columns: 2, rows: [1, 2]) { value, row in
                try row.encode(value)
                if value == 1 { try row.encode(value) }
            }
        }
        #expect(throws: PostgresError.self) {
            try PostgresArrayColumns(columns: 1, rows: [1]) { value, row in
                try row.encode(value)
                try row.encode(value)
            }
        }
    }

    @Test func typedCopyAndArrayInsertLoadTheSameRowsAsTheBoxedCopy() async throws {
        try await TestDatabase.withSchema { pool, schema in
            for table in ["boxed", "typed", "arrays"] {
                try await pool.execute("""
                    CREATE TABLE \(identifier: schema).\(identifier: table) (
                        n bigint, name text, id uuid, at timestamptz, ok boolean, amount numeric)
                    """)
            }
            let awkward = CopyTests.awkward
            @Sendable func row(_ n: Int) -> (Int, String?, UUID, Date?, Bool, Decimal) {
                (n, n % 5 == 0 ? nil : awkward[n % awkward.count] + " \(n)", Self.id, n % 3 == 0 ? nil : Self.date.addingTimeInterval(Double(n)),
                 n % 2 == 0, Decimal(n) / 4)
            }
            let count = 2_000
            let quoted = PostgresQuery.quoteIdentifier(schema)
            try await pool.withConnection { connection in
                _ = try await connection.copyIn(
                    "COPY \(quoted).boxed (n, name, id, at, ok, amount) FROM STDIN",
                    rows: (0..<count).map { n -> [(any PostgresEncodable)?] in
                        let r = row(n)
                        return [r.0, r.1, r.2, r.3, r.4, r.5]
                    })
                let copied = try await connection.copyIn("COPY \(quoted).typed (n, name, id, at, ok, amount) FROM STDIN", rows: 0..<count) { n, fields in
                    let r = row(n)
                    try fields.encode(r.0)
                    try fields.encode(r.1)
                    try fields.encode(r.2)
                    try fields.encode(r.3)
                    try fields.encode(r.4)
                    try fields.encode(r.5)
                }
                #expect(copied == count)
                let batch = try PostgresArrayColumns(columns: 6, rows: 0..<count) { n, fields in
                    let r = row(n)
                    try fields.encode(r.0)
                    try fields.encode(r.1)
                    try fields.encode(r.2)
                    try fields.encode(r.3)
                    try fields.encode(r.4)
                    try fields.encode(r.5)
                }
                let inserted = try await connection.execute("""
                    INSERT INTO \(identifier: schema).arrays SELECT * FROM unnest(
                        \(batch[0])::bigint[], \(batch[1])::text[], \(batch[2])::uuid[], \(batch[3])::timestamptz[],
                        \(batch[4])::boolean[], \(batch[5])::numeric[])
                    """)
                #expect(inserted == count)
            }
            let differences = try await pool.query("""
                SELECT (SELECT count(*) FROM ((TABLE \(identifier: schema).boxed EXCEPT ALL TABLE \(identifier: schema).typed)
                        UNION ALL (TABLE \(identifier: schema).typed EXCEPT ALL TABLE \(identifier: schema).boxed)) d) AS typed,
                       (SELECT count(*) FROM ((TABLE \(identifier: schema).boxed EXCEPT ALL TABLE \(identifier: schema).arrays)
                        UNION ALL (TABLE \(identifier: schema).arrays EXCEPT ALL TABLE \(identifier: schema).boxed)) d) AS arrays,
                       (SELECT count(*) FROM \(identifier: schema).typed) AS total
                """)
            #expect(try differences[0].decode("typed", as: Int.self) == 0)
            #expect(try differences[0].decode("arrays", as: Int.self) == 0)
            #expect(try differences[0].decode("total", as: Int.self) == count)
        }
    }

    @Test func aRowThatCannotBeEncodedFailsTheCopyAndLeavesTheConnectionUsable() async throws {
        struct Unencodable: Error {}
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection { connection in
                    try await connection.copyIn("COPY \(PostgresQuery.quoteIdentifier(schema)).t (n) FROM STDIN", rows: 0..<100_000) { n, fields in
                        if n == 50_000 { throw Unencodable() }
                        try fields.encode(n)
                    }
                }
            }
            #expect(error.code == .copy)
            #expect(error.message.contains("50001"))
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
            try await pool.ping()
        }
    }
}
