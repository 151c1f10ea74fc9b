import Foundation
import StridePostgres
import Testing

/// Every supported type survives a trip through a real table, including NULLs.
@Suite("Round trips")
struct RoundTripTests {
    struct Profile: Codable, Sendable, Equatable {
        var name: String
        var skills: [String]
        var level: Int?
    }

    @Test func everyTypeRoundTripsIncludingNulls() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("""
                CREATE TABLE \(identifier: schema).everything (
                    id int PRIMARY KEY, i8 bigint, i4 integer, i2 smallint, t text, b boolean, f float8, n numeric,
                    ts timestamptz, u uuid, bytes bytea, ints bigint[], texts text[], doc jsonb, plain_json json)
                """)
            let now = Date(timeIntervalSince1970: 1_767_225_600.654321)
            let uuid = UUID()
            let profile = Profile(name: "Zoë 佐藤", skills: ["negotiation", "coaching"], level: nil)
            try await pool.execute("""
                INSERT INTO \(identifier: schema).everything VALUES
                (1, \(Int64.max), \(Int32.min), \(Int16.max), \("text ✓"), \(true), \(-1.5e-300), \(Decimal(string: "-0.000000001")!),
                 \(now), \(uuid), \([UInt8](arrayLiteral: 0, 1, 254, 255)), \([1, -2, 3]), \(["a", "b c"]), \(PostgresJSON(profile)),
                 \(PostgresJSON(["k": 1]))),
                (2, \(Int64?.none), \(Int32?.none), \(Int16?.none), \(String?.none), \(Bool?.none), \(Double?.none),
                 \(Decimal?.none), \(Date?.none), \(UUID?.none), \([UInt8]?.none), \([Int]?.none), \([String]?.none),
                 \(PostgresJSON<Profile>?.none), \(PostgresJSON<[String: Int]>?.none))
                """)
            let rows = try await pool.query("SELECT * FROM \(identifier: schema).everything ORDER BY id")
            #expect(rows.count == 2)
            let full = rows[0]
            #expect(try full.decode("i8", as: Int64.self) == .max)
            #expect(try full.decode("i8", as: Int.self) == .max)
            #expect(try full.decode("i4", as: Int32.self) == .min)
            #expect(try full.decode("i2", as: Int16.self) == .max)
            #expect(try full.decode("t", as: String.self) == "text ✓")
            #expect(try full.decode("b", as: Bool.self) == true)
            #expect(try full.decode("f", as: Double.self) == -1.5e-300)
            #expect(try full.decode("n", as: Decimal.self) == Decimal(string: "-0.000000001")!)
            #expect(abs(try full.decode("ts", as: Date.self).timeIntervalSince(now)) < 0.000_001)
            #expect(try full.decode("u", as: UUID.self) == uuid)
            #expect(try full.decode("bytes", as: [UInt8].self) == [0, 1, 254, 255])
            #expect(try full.decode("bytes", as: Data.self) == Data([0, 1, 254, 255]))
            #expect(try full.decode("ints", as: [Int].self) == [1, -2, 3])
            #expect(try full.decode("texts", as: [String].self) == ["a", "b c"])
            #expect(try full.decode("doc", as: PostgresJSON<Profile>.self).value == profile)
            #expect(try full.decode("plain_json", as: PostgresJSON<[String: Int]>.self).value == ["k": 1])

            let empty = rows[1]
            for column in rows.columnNames where column != "id" {
                #expect(try empty.decode(column, as: String?.self) == nil, "\(column)")
            }
            #expect(try empty.decode("i8", as: Int64?.self) == nil)
            #expect(try empty.decode("ts", as: Date?.self) == nil)
            #expect(try empty.decode("bytes", as: [UInt8]?.self) == nil)
            #expect(try empty.decode("doc", as: PostgresJSON<Profile>?.self) == nil)
            #expect(try full.decode(0, as: Int.self) == 1)
        }
    }

    @Test func numericKeepsEveryDigit() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).money (amount numeric(40, 9))")
            let amount = Decimal(string: "12345678901234567890.123456789")!
            try await pool.execute("INSERT INTO \(identifier: schema).money VALUES (\(amount))")
            let row = try #require(try await pool.query("SELECT amount, amount::text AS text FROM \(identifier: schema).money").first)
            #expect(try row.decode("amount", as: Decimal.self) == amount)
            #expect(try row.decode("text", as: String.self) == "12345678901234567890.123456789")
            let sum = try #require(try await pool.query("SELECT \(amount) + \(Decimal(string: "0.000000001")!) AS s").first)
            #expect(try sum.decode("s", as: Decimal.self) == Decimal(string: "12345678901234567890.12345679")!)
        }
    }

    @Test func unicodeSurvivesUnchanged() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).names (id serial, name text)")
            let names = ["👩🏽‍💻 emoji", "日本語の名前", "한국어", "e\u{0301} combining (NFD)", "é precomposed", "עברית", "zero-width\u{200B}space"]
            for name in names { try await pool.execute("INSERT INTO \(identifier: schema).names (name) VALUES (\(name))") }
            let rows = try await pool.query("SELECT name, length(name) AS length FROM \(identifier: schema).names ORDER BY id")
            #expect(try rows.map { try $0.decode("name", as: String.self) } == names)
            // The server counts code points, so the NFD form arrives with its combining mark intact.
            #expect(try rows[3].decode("length", as: Int.self) == "e\u{0301} combining (NFD)".unicodeScalars.count)
            let found = try await pool.query("SELECT count(*) AS n FROM \(identifier: schema).names WHERE name = \("日本語の名前")")
            #expect(try found[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func byteaCarriesAllByteValues() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let bytes = (0..<1024).map { UInt8($0 % 256) }
            let row = try #require(try await pool.query("SELECT \(bytes) AS b, length(\(bytes)) AS n").first)
            #expect(try row.decode("b", as: [UInt8].self) == bytes)
            #expect(try row.decode("n", as: Int.self) == 1024)
        }
    }

    @Test func arraysWithQuotesCommasAndNulls() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).tags (names text[], scores int[], ids uuid[])")
            let names: [String?] = ["a,b", "say \"hi\"", "back\\slash", nil, "NULL", "", "{braces}", " padded ", "multi\nline"]
            let scores: [Int32?] = [1, nil, -3]
            let ids = [UUID(), UUID()]
            try await pool.execute("INSERT INTO \(identifier: schema).tags VALUES (\(names), \(scores), \(ids))")
            let row = try #require(try await pool.query("""
                SELECT names, scores, ids, cardinality(names) AS count, names[4] IS NULL AS fourth_is_null
                FROM \(identifier: schema).tags
                """).first)
            #expect(try row.decode("names", as: [String?].self) == names)
            #expect(try row.decode("scores", as: [Int32?].self) == scores)
            #expect(try row.decode("ids", as: [UUID].self) == ids)
            #expect(try row.decode("count", as: Int.self) == names.count)
            #expect(try row.decode("fourth_is_null", as: Bool.self))
            #expect(try await pool.query("SELECT \([String]()) AS e")[0].decode("e", as: [String].self) == [])
            let matched = try await pool.query("SELECT 1 FROM \(identifier: schema).tags WHERE \(Int32(-3)) = ANY(scores)")
            #expect(matched.count == 1)
        }
    }

    @Test func timestamptzFromAnotherTimeZoneDecodesToTheSameInstant() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let instant = try await pool.withConnection { connection in
                try await connection.execute("SET TIME ZONE 'Asia/Kolkata'")
                let row = try await connection.query("SELECT '2024-02-29 13:14:15.123456+00'::timestamptz AS t, '2024-02-29 13:14:15.123456+00'::timestamptz::text AS text")[0]
                let text = try row.decode("text", as: String.self)
                #expect(text == "2024-02-29 18:44:15.123456+05:30")
                try await connection.execute("SET TIME ZONE 'UTC'")
                return try row.decode("t", as: Date.self)
            }
            #expect(instant.timeIntervalSince1970 == 1_709_212_455.123456)
        }
    }

    @Test func decodingErrorsNameTheColumnTypeAndText() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let row = try #require(try await pool.query("SELECT 'twelve'::text AS headcount, NULL::int AS manager_id").first)
            let mismatch = try #require(throws: PostgresError.self) { try row.decode("headcount", as: Int.self) }
            #expect(mismatch.code == .decoding)
            #expect(mismatch.column == "headcount")
            #expect(mismatch.message.contains("headcount") && mismatch.message.contains("Int") && mismatch.message.contains("twelve"))

            let null = try #require(throws: PostgresError.self) { try row.decode("manager_id", as: Int.self) }
            #expect(null.code == .decoding)
            #expect(null.column == "manager_id")
            #expect(null.message.contains("NULL"))
            #expect(try row.decode("manager_id", as: Int?.self) == nil)

            let unknown = try #require(throws: PostgresError.self) { try row.decode("salary", as: Int.self) }
            #expect(unknown.message.contains("salary"))
        }
    }
}
