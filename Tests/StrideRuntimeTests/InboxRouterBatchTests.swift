import Foundation
import StrideContracts
import StrideKafka
import StridePostgres
@testable import StrideRuntime
import Synchronization
import Testing

/// A type with a batch handler gets runs of consecutive events; nothing is ever reordered.
@Suite("Inbox router: batch handlers take runs of consecutive events, in the poll's order")
struct InboxRouterBatchTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    /// The batched type: `MetricReading` (metric ids `r…`).
    static func reading(_ id: String) -> MetricReading {
        MetricReading(source: "test", metricID: id, value: 1, unit: nil, observedAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    /// A type handled one by one: `EmployeeTerminated` (employee ids `e…`).
    static func left(_ id: String) -> EmployeeTerminated {
        EmployeeTerminated(employeeID: id, terminationDate: CalendarDate(year: 2026, month: 6, day: 30), reason: nil)
    }

    /// A type nobody handles: `GoalBackOnTrack`.
    static func unhandled() -> GoalBackOnTrack {
        GoalBackOnTrack(
            goalID: "g", ownerID: "o", managerID: nil, periodID: "p", assessedOn: CalendarDate(year: 2026, month: 7, day: 2),
            expectedProgressPercent: 50, actualProgressPercent: 45)
    }

    static func message(_ event: any StrideEvent, offset: Int64) throws -> InboxMessage {
        let encoded = try EventCodec.encode(event, source: "/stride/test")
        let record = KafkaConsumerMessage(
            topic: "t", partition: 0, offset: offset, key: Array(encoded.key.utf8), value: encoded.value,
            headers: encoded.headers.map { KafkaHeader(key: $0.name, value: $0.value) })
        return InboxMessage(metadata: try EventCodec.decodeMetadata(headers: record.eventHeaders), record: record)
    }

    @Test("runs end at any other type (handled or not); a type's handlers each take the whole run, in the order added")
    func runsKeepOrder() async throws {
        let log = Mutex<[String]>([])
        var router = InboxRouter()
        router.onBatch(MetricReading.self) { run, _ in
            log.withLock { $0.append("batch " + run.map(\.event.metricID).joined(separator: ",")) }
        }
        router.on(MetricReading.self) { reading, _, _ in log.withLock { $0.append("each " + reading.metricID) } }
        router.on(EmployeeTerminated.self) { left, _, _ in log.withLock { $0.append("left " + left.employeeID) } }

        let events: [any StrideEvent] = [
            Self.reading("r1"), Self.reading("r2"), Self.left("e1"), Self.reading("r3"), Self.reading("r4"), Self.reading("r5"),
            Self.unhandled(), Self.reading("r6"), Self.left("e2"),
        ]
        let messages = try events.enumerated().map { try Self.message($0.element, offset: Int64($0.offset)) }
        try await fixture.pool.withConnection { connection in try await router.handle(messages, on: connection) }

        #expect(log.withLock { $0 } == [
            "batch r1,r2", "each r1", "each r2", "left e1",
            "batch r3,r4,r5", "each r3", "each r4", "each r5",
            "batch r6", "each r6", "left e2",
        ])
    }

    @Test("a run with an event that does not decode throws, so the consumer retries its events one by one")
    func undecodableRunThrows() async throws {
        var router = InboxRouter()
        let seen = Mutex(0)
        router.onBatch(MetricReading.self) { run, _ in seen.withLock { $0 += run.count } }
        var broken = try Self.message(Self.reading("r2"), offset: 1)
        broken = InboxMessage(
            metadata: broken.metadata,
            record: KafkaConsumerMessage(
                topic: "t", partition: 0, offset: 1, key: nil, value: Array("{\"metric_id\": 7}".utf8), headers: broken.record.headers))
        let messages = [try Self.message(Self.reading("r1"), offset: 0), broken]
        await #expect(throws: (any Error).self) {
            try await fixture.pool.withConnection { connection in try await router.handle(messages, on: connection) }
        }
        #expect(seen.withLock { $0 } == 0, "the handler never saw a partial run")
    }
}
