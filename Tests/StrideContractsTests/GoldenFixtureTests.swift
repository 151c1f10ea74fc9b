import Foundation
import StrideContracts
import Testing

/// Pins every payload's bytes: the topics are a public API and must encode identically tomorrow.
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    @Test("encoding the canonical sample gives exactly the fixture's bytes", arguments: EventCatalog.eventTypeNames)
    func encodesFixtureBytes(eventType: String) throws {
        let sample = try #require(EventSamples.sample(named: eventType), "no sample for \(eventType)")
        let encoded = try EventCodec.encodePayload(sample)
        if Fixtures.isUpdating {
            try Fixtures.write(encoded, for: eventType)
            Issue.record("Rewrote Fixtures/\(eventType).json (STRIDE_UPDATE_FIXTURES=1). Review the diff and rerun without it.")
            return
        }
        let expected = try Fixtures.read(eventType)
        #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(encoded == expected)
    }

    @Test("decoding the fixture gives back the canonical sample", arguments: EventCatalog.eventTypeNames)
    func decodesFixtureToSample(eventType: String) throws {
        let sample = try #require(EventSamples.sample(named: eventType), "no sample for \(eventType)")
        let fixture = try Fixtures.read(eventType)
        let equal = try Self.decodes(fixture, to: sample)
        #expect(equal)
    }

    @Test("the fixture files are exactly the catalog's event types")
    func fixtureSetMatchesCatalog() throws {
        let present = try Fixtures.eventTypesPresent()
        let catalog = Set(EventCatalog.eventTypeNames)
        #expect(catalog.subtracting(present).sorted() == [], "event types without a fixture")
        #expect(present.subtracting(catalog).sorted() == [], "fixtures for unknown event types")
    }

    @Test("there is exactly one sample per catalog type")
    func samplesMatchCatalog() {
        let sampleTypes = EventSamples.all.map { type(of: $0).eventType }
        #expect(sampleTypes == EventCatalog.eventTypeNames)
    }

    @Test("every sample survives a full Kafka envelope round trip", arguments: EventCatalog.eventTypeNames)
    func envelopeRoundTrip(eventType: String) throws {
        let sample = try #require(EventSamples.sample(named: eventType))
        let encoded = try EventCodec.encode(sample, source: "/stride/test", time: SampleValues.observedAt)
        let (metadata, decoded) = try EventCodec.decodeAny(headers: encoded.headers, value: encoded.value)
        #expect(metadata.type == eventType)
        #expect(metadata.subject == sample.subject)
        #expect(encoded.key == sample.partitionKey)
        #expect(encoded.topic == type(of: sample).topic.rawValue)
        let roundTripped = Self.isEqual(decoded, sample)
        #expect(roundTripped)
    }

    private static func decodes<E: StrideEvent>(_ bytes: [UInt8], to sample: E) throws -> Bool {
        try EventCodec.decodePayload(E.self, from: bytes) == sample
    }

    private static func isEqual<E: StrideEvent>(_ lhs: any StrideEvent, _ rhs: E) -> Bool {
        (lhs as? E) == rhs
    }
}
