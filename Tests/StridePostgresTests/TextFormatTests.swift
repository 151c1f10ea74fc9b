import Foundation
import Testing

@testable import StridePostgres

/// Pure tests of the text formats: no database needed.
@Suite("Text formats")
struct TextFormatTests {
    @Test func arrayLiteralHandlesQuotingNullsAndEscapes() throws {
        let parsed = try #require(PostgresArrayLiteral.parse(#"{plain,"with space","a,b","q\"uote","back\\slash",NULL,"NULL",""}"#))
        #expect(parsed == ["plain", "with space", "a,b", "q\"uote", "back\\slash", nil, "NULL", ""])
        #expect(PostgresArrayLiteral.parse("{}") == [])
        #expect(PostgresArrayLiteral.parse("[0:1]={1,2}") == ["1", "2"])
        #expect(PostgresArrayLiteral.parse("{1,2") == nil)
        #expect(PostgresArrayLiteral.parse("{{1,2},{3,4}}") == nil)
        #expect(PostgresArrayLiteral.parse("not an array") == nil)
    }

    @Test func arrayEncodingRoundTripsThroughTheParser() throws {
        let values: [String?] = [
            "a", "b,c", "\"", "\\", nil, "NULL", "{}", " x ", "", #"{"lines": ["a \"b\"", "c\\d"], "n": 1}"#, "\"\"\\\\",
            "Zoë → 東京 \"quoted\" 🙂", "trailing\\",
        ]
        let text = try #require(try values.postgresText)
        #expect(text.hasPrefix(#"{"a","b,c","\"","\\",NULL,"NULL""#))
        #expect(PostgresArrayLiteral.parse(text) == values)
    }

    @Test func timestampsParseFractionsAndOffsets() throws {
        let base = try #require(PostgresTimestamp.parse("2024-02-29 13:14:15.123456+00"))
        #expect(base.timeIntervalSince1970 == 1_709_212_455.123456)
        #expect(PostgresTimestamp.parse("2024-02-29 18:44:15.123456+05:30") == base)
        #expect(PostgresTimestamp.parse("2024-02-29 08:14:15.123456-05") == base)
        #expect(PostgresTimestamp.parse("2024-02-29T13:14:15.123456Z") == base)
        #expect(PostgresTimestamp.parse("2024-02-29 13:14:15.1+00")?.timeIntervalSince1970 == 1_709_212_455.1)
        #expect(PostgresTimestamp.parse("1970-01-01") == Date(timeIntervalSince1970: 0))
        #expect(PostgresTimestamp.parse("infinity") == .distantFuture)
        #expect(PostgresTimestamp.parse("2024-13-01 00:00:00+00") == nil)
        #expect(PostgresTimestamp.parse("yesterday") == nil)
    }

    @Test func timestampsFormatToTheMicrosecondAndBack() throws {
        for seconds in [0.0, 1_709_212_455.123456, -86_400.5, 253_402_300_799, -62_135_596_800] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = PostgresTimestamp.format(date)
            let parsed = try #require(PostgresTimestamp.parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_001, "\(text)")
        }
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: 1_709_212_455.5)) == "2024-02-29 13:14:15.500000+00")
    }

    @Test func decimalRejectsTrailingGarbage() throws {
        #expect(try Decimal(postgresText: "12345678901234567890.123456789", type: .numeric).description == "12345678901234567890.123456789")
        #expect(throws: PostgresDecodingFailure.self) { try Decimal(postgresText: "12abc", type: .numeric) }
        #expect(throws: PostgresDecodingFailure.self) { try Decimal(postgresText: "", type: .numeric) }
    }

    @Test func byteaHexRoundTrips() throws {
        let bytes = (0...255).map(UInt8.init)
        let text = PostgresBytea.hex(bytes)
        #expect(text.hasPrefix("\\x000102"))
        #expect(try PostgresBytea.decode(text) == bytes)
        #expect(throws: PostgresDecodingFailure.self) { try PostgresBytea.decode("\\x0g") }
    }

    @Test func md5MatchesKnownDigests() {
        #expect(MD5.hex([]) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex(Array("The quick brown fox jumps over the lazy dog".utf8)) == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(MD5.hex(Array(String(repeating: "a", count: 1000).utf8)) == "cabe45dcc9ae5b66ba86600cca6b8ba8")
    }

    @Test func copyEscapingProtectsSeparators() throws {
        var encoder = PostgresRowEncoder.copy(capacity: 64)
        try encoder.encode("a\tb\nc\rd\\e\\.")
        #expect(String(decoding: encoder.writers[0].bytes, as: UTF8.self) == #"a\tb\nc\rd\\e\\."#)
    }

    @Test func interpolationBindsValuesAndOnlyUnescapedIsRaw() {
        let name = "'); DROP TABLE x; --"
        let missing: Int? = nil
        let query: PostgresQuery = "SELECT * FROM \(unescaped: "s").t WHERE a = \(name) AND b = \(42) AND c = \(missing) AND \(identifier: "we\"ird") = 1"
        #expect(query.sql == #"SELECT * FROM s.t WHERE a = $1 AND b = $2 AND c = $3 AND "we""ird" = 1"#)
        #expect(query.binds == [
            PostgresBind(text: name, type: .unspecified), PostgresBind(text: "42", type: .int8), PostgresBind(text: nil, type: .int8),
        ])
    }

    @Test func configurationParsesTheURL() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://app:s3cret@db.example:6543/stride?sslmode=require&application_name=goals&connect_timeout=3")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "stride")
        #expect(configuration.user == "app")
        #expect(configuration.applicationName == "goals")
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(!configuration.redactedURL.contains("s3cret"))
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "mysql://x") }
    }
}
