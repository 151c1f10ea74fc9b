import Foundation
import Logging
import Testing

@testable import StrideRuntime

/// The log handler's hand-written JSON: valid, keys sorted, every value escaped.
@Suite("JSON log lines")
struct JSONLogLineTests {
    @Test func aLineIsValidJSONWithSortedKeysAndEscapedValues() throws {
        var json = JSONLine()
        json.beginObject()
        json.key("level"); json.string("info")
        json.key("message"); json.string("quote \" back \\ newline \n tab \t bell \u{7} /path 🎯")
        json.key("metadata")
        json.value(.dictionary([
            "b": .array([.string("x"), .dictionary(["k": "v"]), .array([]), .stringConvertible(42)]),
            "a": .string(""),
        ]))
        json.key("time"); json.timestamp(Date(timeIntervalSince1970: 1_774_958_400.123_9))
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"level":"info","message":"quote \" back \\ newline \n tab \t bell \u0007 /path 🎯","metadata":{"a":"","b":["x",{"k":"v"},[],"42"]},"time":"#))
        #expect(text.hasSuffix(#""time":"2026-03-31T12:00:00.123Z"}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object["message"] as? String == "quote \" back \\ newline \n tab \t bell \u{7} /path 🎯")
        #expect(object["time"] as? String == "2026-03-31T12:00:00.123Z")
    }

    @Test func timestampsBeforeTheEpochAndFarAheadKeepTheirFields() {
        for (seconds, expected) in [(-0.5, "1969-12-31T23:59:59.500Z"), (253_402_300_799.5, "9999-12-31T23:59:59.500Z"), (0, "1970-01-01T00:00:00.000Z")] {
            var json = JSONLine()
            json.timestamp(Date(timeIntervalSince1970: seconds))
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"\(expected)\"")
        }
    }
}
