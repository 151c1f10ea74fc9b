import Foundation
import StrideKafka
import Testing

@testable import StrideRuntime

/// The relay's reading of the outbox `headers` column: the canonical form is scanned directly,
/// anything else is decided by `JSONDecoder`, so both paths must agree on what they accept.
@Suite("Outbox headers column → Kafka headers")
struct OutboxHeadersTests {
    @Test("jsonb's print of the headers becomes the headers, in order, as bytes")
    func canonical() throws {
        let headers = try OutboxHeaders.decode(
            #"[["ce_specversion", "1.0"], ["ce_id", "5e47bcbe-34bd-4d1a-a0c7-0fa12c8cb3b8"], ["ce_subject", "Zoë"], ["content-type", "application/json"]]"#)
        #expect(headers.map(\.key) == ["ce_specversion", "ce_id", "ce_subject", "content-type"])
        #expect(headers.map(\.stringValue) == ["1.0", "5e47bcbe-34bd-4d1a-a0c7-0fa12c8cb3b8", "Zoë", "application/json"])
        #expect(try OutboxHeaders.decode("[]").isEmpty)
        #expect(try OutboxHeaders.decode(#" [ ["a","b"] ] "#) == [KafkaHeader(key: "a", value: "b")])
    }

    @Test("escaped characters go through JSONDecoder and come out unescaped")
    func escaped() throws {
        let headers = try OutboxHeaders.decode(#"[["ce_subject", "say \"hi\"\n\u00e9"], ["ce_type", "t"]]"#)
        #expect(headers == [KafkaHeader(key: "ce_subject", value: "say \"hi\"\né"), KafkaHeader(key: "ce_type", value: "t")])
    }

    @Test("a pair of the wrong length is skipped, as before; text that is not an array of string arrays is an error")
    func malformed() throws {
        #expect(try OutboxHeaders.decode(#"[["a", "b", "c"], ["d", "e"]]"#) == [KafkaHeader(key: "d", value: "e")])
        for text in [#"{"a": "b"}"#, #"[["a", 1]]"#, #"[["a", "b"]"#, #"[["a", "b"]] x"#, ""] {
            #expect(throws: DecodingError.self, "\(text)") { try OutboxHeaders.decode(text) }
        }
    }
}
