import Foundation
import StrideContracts
import Testing

@Suite("CloudEvents envelope (Kafka binding, binary mode)")
struct EnvelopeTests {
    static let id = UUID(uuidString: "0F8E2A51-3C7D-4B9A-9E61-2D4C8B7A1F30")!
    static let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    static let event = GoalApproved(
        goalID: "G-1", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10007", version: 2, comment: nil)

    static func encoded(traceparent: String? = nil) throws -> EncodedEvent {
        try EventCodec.encode(event, id: id, source: "/stride/goals", time: SampleValues.observedAt, traceparent: traceparent)
    }

    @Test("headers, key and topic are exactly as specified")
    func headersExact() throws {
        let encoded = try Self.encoded(traceparent: Self.traceparent)
        #expect(encoded.topic == "stride.goals.v1")
        #expect(encoded.key == "E-10042")
        #expect(encoded.headers == [
            EventHeader(name: "ce_specversion", value: "1.0"),
            EventHeader(name: "ce_id", value: "0f8e2a51-3c7d-4b9a-9e61-2d4c8b7a1f30"),
            EventHeader(name: "ce_source", value: "/stride/goals"),
            EventHeader(name: "ce_type", value: "stride.goals.goal.approved.v1"),
            EventHeader(name: "ce_time", value: "2026-03-31T08:15:30.250Z"),
            EventHeader(name: "ce_subject", value: "E-10042"),
            EventHeader(name: "content-type", value: "application/json"),
            EventHeader(name: "traceparent", value: Self.traceparent),
        ])
        #expect(String(decoding: encoded.value, as: UTF8.self)
            == #"{"actor_id":"E-10007","goal_id":"G-1","owner_id":"E-10042","period_id":"FY2026","version":2}"#)
    }

    @Test("no traceparent header without tracing")
    func noTraceparent() throws {
        let encoded = try Self.encoded()
        #expect(encoded.header("traceparent") == nil)
        #expect(encoded.headers.count == 7)
    }

    @Test("metadata and payload round trip")
    func roundTrip() throws {
        let encoded = try Self.encoded(traceparent: Self.traceparent)
        let (metadata, decoded) = try EventCodec.decode(GoalApproved.self, headers: encoded.headers, value: encoded.value)
        #expect(metadata == EventMetadata(
            id: Self.id, source: "/stride/goals", type: GoalApproved.eventType, time: SampleValues.observedAt,
            subject: "E-10042", traceparent: Self.traceparent))
        #expect(decoded == Self.event)
    }

    @Test("a missing required header is named", arguments: ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"])
    func missingHeader(name: String) throws {
        let headers = try Self.encoded().headers.filter { $0.name != name }
        let error = try #require(throws: ContractError.self) { try EventCodec.decodeMetadata(headers: headers) }
        #expect(error.code == .missingHeader)
        #expect(error.header == name)
        #expect(error.description.contains(name))
    }

    @Test("ce_subject and content-type are optional")
    func optionalHeaders() throws {
        let headers = try Self.encoded().headers.filter { $0.name != "ce_subject" && $0.name != "content-type" }
        let metadata = try EventCodec.decodeMetadata(headers: headers)
        #expect(metadata.subject == nil)
    }

    @Test(
        "malformed headers are rejected with the right code",
        arguments: [
            ("ce_specversion", "0.3", ContractError.Code.unsupportedSpecVersion),
            ("ce_id", "not-a-uuid", .invalidHeader),
            ("ce_time", "31/03/2026 08:15", .invalidHeader),
            ("ce_time", "2026-02-30T08:15:30Z", .invalidHeader),
            ("ce_type", "", .invalidHeader),
            ("content-type", "application/avro", .unsupportedContentType),
        ])
    func invalidHeader(name: String, value: String, code: ContractError.Code) throws {
        let headers = try Self.encoded().headers.map { $0.name == name ? EventHeader(name: name, value: value) : $0 }
        let error = try #require(throws: ContractError.self) { try EventCodec.decodeMetadata(headers: headers) }
        #expect(error.code == code)
        #expect(error.header == name)
    }

    @Test("a duplicated ce_type header is rejected, unrelated headers are ignored")
    func duplicateAndUnrelatedHeaders() throws {
        var headers = try Self.encoded().headers
        headers.append(EventHeader(name: "x-retry-count", value: "3"))
        #expect(try EventCodec.decodeMetadata(headers: headers).type == GoalApproved.eventType)
        headers.append(EventHeader(name: "ce_type", value: "stride.goals.goal.rejected.v1"))
        let error = try #require(throws: ContractError.self) { try EventCodec.decodeMetadata(headers: headers) }
        #expect(error.code == .invalidHeader)
        #expect(error.header == "ce_type")
    }

    @Test("content-type with parameters and other RFC 3339 offsets are accepted")
    func lenientForms() throws {
        let headers = try Self.encoded().headers.map { header -> EventHeader in
            switch header.name {
            case "content-type": return EventHeader(name: header.name, value: "application/json; charset=utf-8")
            case "ce_time": return EventHeader(name: header.name, value: "2026-03-31T10:15:30.25+02:00")
            default: return header
            }
        }
        #expect(try EventCodec.decodeMetadata(headers: headers).time == SampleValues.observedAt)
    }

    @Test("decoding as the wrong type is an event type mismatch")
    func typeMismatch() throws {
        let encoded = try Self.encoded()
        let error = try #require(throws: ContractError.self) {
            try EventCodec.decode(GoalRejected.self, headers: encoded.headers, value: encoded.value)
        }
        #expect(error.code == .eventTypeMismatch)
    }

    @Test("decodeAny rejects a type outside the catalog; decodeMetadata accepts it")
    func unknownEventType() throws {
        let headers = try Self.encoded().headers.map {
            $0.name == "ce_type" ? EventHeader(name: "ce_type", value: "stride.goals.goal.archived.v9") : $0
        }
        #expect(try EventCodec.decodeMetadata(headers: headers).type == "stride.goals.goal.archived.v9")
        let error = try #require(throws: ContractError.self) { try EventCodec.decodeAny(headers: headers, value: []) }
        #expect(error.code == .unknownEventType)
        #expect(EventCatalog.eventType(named: "stride.goals.goal.archived.v9") == nil)
    }

    @Test("a malformed traceparent fails encoding but is dropped when decoding")
    func traceparentValidation() throws {
        let error = try #require(throws: ContractError.self) { try Self.encoded(traceparent: "00-xyz-01") }
        #expect(error.code == .encodingFailed)
        #expect(error.header == "traceparent")
        let headers = try Self.encoded().headers + [EventHeader(name: "traceparent", value: "garbage")]
        #expect(try EventCodec.decodeMetadata(headers: headers).traceparent == nil)
    }

    @Test("an empty source or partition key cannot be encoded")
    func emptyIdentifiers() {
        #expect(throws: ContractError.self) { try EventCodec.encode(Self.event, source: "") }
        var event = Self.event
        event.ownerID = ""
        #expect(throws: ContractError.self) { try EventCodec.encode(event, source: "/stride/goals") }
    }

    @Test("ce_time is RFC 3339 UTC with milliseconds")
    func timeFormat() throws {
        let encoded = try EventCodec.encode(Self.event, source: "/s", time: Date(timeIntervalSince1970: 1_774_958_400))
        #expect(encoded.header("ce_time") == "2026-03-31T12:00:00.000Z")
        let early = try EventCodec.encode(Self.event, source: "/s", time: Date(timeIntervalSince1970: -0.001))
        #expect(early.header("ce_time") == "1969-12-31T23:59:59.999Z")
    }
}
