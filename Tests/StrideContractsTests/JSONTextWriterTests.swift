import Foundation
import StrideContracts
import Testing

@Suite("JSON written by hand")
struct JSONTextWriterTests {
    @Test("commas and colons fall where they belong, at every depth and in empty containers")
    func structure() throws {
        var json = JSONTextWriter()
        json.beginObject()
        json.member("a", 1)
        json.key("empty_object")
        json.beginObject()
        json.endObject()
        json.key("empty_array")
        json.beginArray()
        json.endArray()
        json.key("nested")
        json.beginArray()
        json.beginObject()
        json.member("b", true)
        json.member("c", nil as String?)
        json.member("d", Decimal(string: "12.50")!)
        json.endObject()
        json.null()
        json.int(-3)
        json.beginArray()
        json.string("x")
        json.endArray()
        json.endArray()
        json.member("tail", ["p", "q"])
        json.endObject()
        #expect(json.text == #"{"a":1,"empty_object":{},"empty_array":[],"nested":[{"b":true,"d":"12.5"},null,-3,["x"]],"tail":["p","q"]}"#)
    }

    @Test("every character that needs escaping is escaped, the rest copied as UTF-8")
    func escaping() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let values = ["", "plain", "\"quoted\"", "back\\slash", "line\nbreak\r\ttab", controls, "Zoë → 東京 🙂 /slash", "\u{7F}\u{2028}"]
        for value in values {
            var json = JSONTextWriter()
            json.beginArray()
            json.string(value)
            json.endArray()
            #expect(!json.bytes.contains { $0 < 0x20 })
            let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
            #expect(parsed == [value])
        }
        var json = JSONTextWriter()
        json.string("\u{01}\u{1F}\"\\")
        #expect(json.text == #""\u0001\u001f\"\\""#)
    }

    @Test("a decimal is written as DecimalString encodes it")
    func decimals() throws {
        struct Wrapped: Encodable {
            @DecimalString var value: Decimal
        }
        for text in ["0", "-0", "1", "-1.5", "3.14159", "123456789012345678901234567890.123", "0.0001"] {
            let value = try #require(Decimal(string: text))
            var json = JSONTextWriter()
            json.beginObject()
            json.member("value", value)
            json.endObject()
            #expect(json.text == String(decoding: try JSONEncoder().encode(Wrapped(value: value)), as: UTF8.self))
        }
    }
}
