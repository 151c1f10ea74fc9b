import Foundation
import StridePostgres
import Testing

@Suite("COPY")
struct CopyTests {
    static let awkward = [
        "plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\.", "end with backslash\\",
        "quote ' and \" double", "comma, semicolon;", "emoji 🎯 and 中文", "", " leading and trailing ", "e\u{0301}",
    ]

    @Test func tenThousandRowsWithAwkwardStringsRoundTrip() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("""
                CREATE TABLE \(identifier: schema).people (
                    id int PRIMARY KEY, name text, note text, amount numeric, joined timestamptz, tags text[], badge bytea, active boolean)
                """)
            let base = Date(timeIntervalSince1970: 1_700_000_000.25)
            var rows: [[(any PostgresEncodable)?]] = []
            for id in 0..<10_000 {
                let name = Self.awkward[id % Self.awkward.count] + " #\(id)"
                let note: String? = id % 7 == 0 ? nil : Self.awkward[(id * 3) % Self.awkward.count]
                rows.append([
                    id, name, note, Decimal(id) / 100, base.addingTimeInterval(Double(id)),
                    [Self.awkward[id % Self.awkward.count], nil, "x,y"] as [String?], [UInt8(id % 256), 0, 92], id % 2 == 0,
                ])
            }
            let copied = try await pool.withConnection { connection in
                try await connection.copyIn(
                    "COPY \(PostgresQuery.quoteIdentifier(schema)).people (id, name, note, amount, joined, tags, badge, active) FROM STDIN",
                    rows: rows)
            }
            #expect(copied == 10_000)
            let result = try await pool.query("SELECT * FROM \(identifier: schema).people ORDER BY id")
            #expect(result.count == 10_000)
            var mismatches = 0
            for (id, row) in result.enumerated() {
                let expectedNote: String? = id % 7 == 0 ? nil : Self.awkward[(id * 3) % Self.awkward.count]
                let same = try row.decode("id", as: Int.self) == id
                    && row.decode("name", as: String.self) == Self.awkward[id % Self.awkward.count] + " #\(id)"
                    && row.decode("note", as: String?.self) == expectedNote
                    && row.decode("amount", as: Decimal.self) == Decimal(id) / 100
                    && abs(row.decode("joined", as: Date.self).timeIntervalSince(base.addingTimeInterval(Double(id)))) < 0.000_001
                    && row.decode("tags", as: [String?].self) == [Self.awkward[id % Self.awkward.count], nil, "x,y"]
                    && row.decode("badge", as: [UInt8].self) == [UInt8(id % 256), 0, 92]
                    && row.decode("active", as: Bool.self) == (id % 2 == 0)
                if !same { mismatches += 1 }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func rejectedDataIsACopyErrorAndCopiesNothing() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (id int PRIMARY KEY)")
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection { connection in
                    try await connection.copyIn("COPY \(PostgresQuery.quoteIdentifier(schema)).t (id) FROM STDIN", rows: [[1], [2], [1]])
                }
            }
            #expect(error.code == .copy)
            #expect(error.isUniqueViolation)
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
            try await pool.ping()
        }
    }
}
