import StrideContracts
import Testing

@Suite("Topics and event catalog")
struct CatalogTests {
    @Test("topic names and dead-letter topics")
    func topics() {
        #expect(StrideTopic.allCases.map(\.rawValue) == [
            "hr.employees.v1", "stride.metrics.v1", "stride.goals.v1", "stride.coaching.v1", "stride.appraisal.v1",
            "stride.incentives.v1", "stride.payroll.v1",
        ])
        #expect(StrideTopic.goals.deadLetterTopic == "stride.goals.v1.dlq")
        #expect(StrideTopic(name: "stride.payroll.v1") == .payroll)
    }

    @Test("event type names are unique")
    func uniqueNames() {
        #expect(Set(EventCatalog.eventTypeNames).count == EventCatalog.all.count)
        #expect(EventCatalog.all.count == 41)
    }

    @Test("event type names follow <area>.<entity>.<verb-past>.v<N> under their topic's area")
    func naming() throws {
        for type in EventCatalog.all {
            let name = type.eventType
            let area = String(type.topic.rawValue.dropLast(".v1".count)) + "."
            #expect(name.hasPrefix(area), "\(name) is not under \(area)")
            let parts = name.dropFirst(area.count).split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3, "\(name)")
            #expect(parts.last == "v1", "\(name)")
            let allowed = Set("abcdefghijklmnopqrstuvwxyz-")
            #expect(parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed.contains) }, "\(name)")
            #expect(EventCatalog.eventType(named: name).map(ObjectIdentifier.init) == ObjectIdentifier(type))
        }
    }

    @Test("each topic lists its events", arguments: StrideTopic.allCases)
    func topicEvents(topic: StrideTopic) {
        let expectedCounts: [StrideTopic: Int] = [
            .employees: 2, .metrics: 1, .goals: 11, .coaching: 8, .appraisal: 10, .incentives: 7, .payroll: 2,
        ]
        #expect(topic.eventTypes.count == expectedCounts[topic])
        #expect(topic.eventTypes.allSatisfy { $0.topic == topic })
    }
}
