import Foundation
import StrideContracts
import Testing

/// Keeps `deploy/asyncapi.yaml` in step with the code: same event types, same topics, same fields.
@Suite("AsyncAPI document")
struct AsyncAPITests {
    let document: AsyncAPIText

    init() throws {
        document = try AsyncAPIText.load()
    }

    @Test("declares exactly the catalog's event types (x-event-type)")
    func eventTypes() {
        #expect(document.eventTypes.sorted() == EventCatalog.eventTypeNames.sorted())
        #expect(Set(document.eventTypes).count == document.eventTypes.count, "an event type is declared twice")
    }

    @Test("has a channel per topic and per dead-letter topic")
    func channels() {
        let addresses = document.channelAddresses
        for topic in StrideTopic.allCases {
            #expect(addresses.contains(topic.rawValue), "no channel for \(topic.rawValue)")
            #expect(addresses.contains(topic.deadLetterTopic), "no channel for \(topic.deadLetterTopic)")
        }
        #expect(addresses.count == StrideTopic.allCases.count * 2)
    }

    @Test("documents the dead-letter error headers and the CloudEvents headers")
    func headers() throws {
        let deadLetter = try #require(document.schema(named: "DeadLetterHeaders"))
        for name in ["dlq.error", "dlq.original-topic", "dlq.original-partition", "dlq.original-offset",
            "dlq.consumer-group", "dlq.failed-at"]
        {
            #expect(deadLetter.properties.contains(name), "\(name)")
            #expect(deadLetter.required.contains(name), "\(name)")
        }
        let cloudEvents = try #require(document.schema(named: "CloudEventHeaders"))
        #expect(cloudEvents.required == ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"])
        #expect(cloudEvents.properties.isSuperset(of: ["ce_subject", "content-type", "traceparent"]))
    }

    @Test("each payload schema matches its golden fixture's fields", arguments: EventCatalog.eventTypeNames)
    func payloadFields(eventType: String) throws {
        let type = try #require(EventCatalog.eventType(named: eventType))
        let schema = try #require(document.schema(named: "\(type)Payload"), "no schema \(type)Payload")
        let fixture = try Fixtures.read(eventType)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fixture)) as? [String: Any])
        let keys = Set(object.keys)
        #expect(keys.subtracting(schema.properties).sorted() == [], "fixture fields missing from the schema")
        #expect(Set(schema.required).subtracting(keys).sorted() == [], "required fields missing from the fixture")
    }
}

/// Just enough reading of the generated YAML's regular layout (no YAML library: Foundation only).
struct AsyncAPIText {
    let lines: [Substring]

    static func load(filePath: String = #filePath) throws -> AsyncAPIText {
        // Tests/StrideContractsTests/<this file> -> repository root.
        let root = URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("deploy/asyncapi.yaml"), encoding: .utf8)
        return AsyncAPIText(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    private func values(of key: String) -> [String] {
        lines.compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(key + ": ") else { return nil }
            return String(trimmed.dropFirst(key.count + 2))
        }
    }

    var eventTypes: [String] { values(of: "x-event-type") }
    var channelAddresses: Set<String> { Set(values(of: "address")) }

    /// The `required` list and `properties` names of `components.schemas.<name>`.
    func schema(named name: String) -> (required: [String], properties: Set<String>)? {
        guard let section = lines.firstIndex(of: "  schemas:"),
            let start = lines[section...].firstIndex(of: Substring("    \(name):"))
        else { return nil }
        var required: [String] = []
        var properties: Set<String> = []
        for line in lines[(start + 1)...] {
            let indent = line.prefix { $0 == " " }.count
            if !line.isEmpty && indent <= 4 { break }
            if indent == 6, line.dropFirst(6).hasPrefix("required: [") {
                required = line.dropFirst(6 + "required: [".count).dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            } else if indent == 8, line.hasSuffix(":") {
                properties.insert(String(line.dropFirst(8).dropLast()))
            }
        }
        return (required, properties)
    }
}
