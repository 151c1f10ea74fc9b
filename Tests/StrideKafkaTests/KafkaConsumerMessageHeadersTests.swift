import StrideKafka
import Testing

@Suite("KafkaConsumerMessage key and headers: kept packed, read the same every way")
struct KafkaConsumerMessageHeadersTests {
    static let headers = [
        KafkaHeader(key: "ce_type", value: "first"),
        KafkaHeader(key: "empty", value: ""),
        KafkaHeader(key: "null", bytes: nil),
        KafkaHeader(key: "ünïcode", value: "välue"),
        KafkaHeader(key: "ce_type", value: "last"),
        KafkaHeader(key: "", bytes: [0, 255, 10]),
    ]

    static func message(_ headers: [KafkaHeader] = headers) -> KafkaConsumerMessage {
        KafkaConsumerMessage(topic: "t", partition: 0, offset: 0, key: nil, value: [1, 2], headers: headers)
    }

    @Test("the array comes back as given: order, repeats, empty and missing values, any bytes")
    func roundTrip() {
        #expect(Self.message().headers == Self.headers)
        #expect(Self.message([]).headers.isEmpty)
    }

    @Test("header(_:) takes the last header of a name; a header without a value reads as nil")
    func lookup() {
        let message = Self.message()
        #expect(message.header("ce_type") == "last")
        #expect(message.header("empty") == "")
        #expect(message.header("null") == nil)
        #expect(message.header("ünïcode") == "välue")
        #expect(message.header("missing") == nil)
        #expect(message.header("") == String(decoding: [0, 255, 10] as [UInt8], as: UTF8.self))
    }

    @Test("forEachHeader hands every header's bytes over in order")
    func bytes() {
        var seen: [KafkaHeader] = []
        Self.message().forEachHeader { name, value in
            seen.append(KafkaHeader(key: String(decoding: name, as: UTF8.self), bytes: value.map(Array.init)))
        }
        #expect(seen == Self.headers)
    }

    @Test("setting the headers replaces them")
    func set() {
        var message = Self.message()
        message.headers = [KafkaHeader(key: "only", value: "one")]
        #expect(message.headers == [KafkaHeader(key: "only", value: "one")])
        #expect(message.header("ce_type") == nil)
        message.headers.append(KafkaHeader(key: "two", bytes: nil))
        #expect(message.headers.map(\.key) == ["only", "two"])
    }

    @Test("the key: none, empty or bytes, kept apart from the headers; setting one keeps the other")
    func key() {
        for key in [nil, [], [0, 1, 255], Array("employee-42".utf8)] as [[UInt8]?] {
            var message = KafkaConsumerMessage(topic: "t", partition: 0, offset: 0, key: key, value: [], headers: Self.headers)
            #expect(message.key == key)
            #expect(message.keyString == key.map { String(decoding: $0, as: UTF8.self) })
            #expect(message.headers == Self.headers)
            message.headers = [KafkaHeader(key: "h", value: "v")]
            #expect(message.key == key)
            message.key = [7]
            #expect(message.key == [7])
            #expect(message.headers == [KafkaHeader(key: "h", value: "v")])
        }
    }
}
