import Foundation
import HTTPTypes
import StrideContracts
@testable import StrideIncentives
import StridePostgres
import StrideTestSupport
import Testing

/// The run announces its recommendations with one `INSERT … SELECT` that spells each payload in
/// SQL. Every row it writes must be exactly the event the service would build in Swift from the
/// same recommendation: the contracts' decoder reads it, and re-encoded it is byte for byte the
/// Swift event's JSON; its headers are the CloudEvents headers `EventCodec` writes.
@Suite("Incentives: set-based announcements equal the Swift events", .serialized)
struct AnnouncementTests {
    @Test("every MeritRecommended and BonusRecommended row of a run decodes to the Swift-built event of its recommendation")
    func sqlEventsEqualSwiftEvents() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(
                h, plan: IncentivesFixtures.plan(budgets: #"[{"department": "Sales", "merit_pool_percent": "3", "bonus_pool_percent": "5"}]"#))
            let (cycle, recommendations, rows) = try await h.core.pool.withConnection { connection in
                let cycle = try #require(try await h.core.cycles.cycle(cycleID, on: connection))
                let recommendations = try await h.core.recommendations.chunk(of: cycleID, after: nil, limit: 1_000, on: connection)
                let rows = try await connection.query("""
                    SELECT event_type, partition_key, headers::text, payload FROM \(unescaped: h.schema).outbox
                    WHERE event_type IN (\(MeritRecommended.eventType), \(BonusRecommended.eventType))
                    """)
                return (cycle, recommendations, rows)
            }
            #expect(rows.count == recommendations.count && rows.count == 20)
            let byID = Dictionary(uniqueKeysWithValues: recommendations.map { ($0.recommendationID, $0) })
            for row in rows {
                let type = try row.decode(0, as: String.self)
                let pairs = try JSONDecoder().decode([[String]].self, from: Data(try row.decode(2, as: String.self).utf8))
                let metadata = try EventCodec.decodeMetadata(headers: pairs.map { EventHeader(name: $0[0], value: $0[1]) })
                #expect(metadata.type == type && metadata.source == "/stride/\(h.schema)")
                #expect(metadata.subject == (try row.decode(1, as: String.self)))
                #expect(pairs.map { $0[0] } == ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type"])
                let payload = Array(try row.decode(3, as: String.self).utf8)
                if type == MeritRecommended.eventType {
                    let event = try EventCodec.decodePayload(MeritRecommended.self, from: payload)
                    let record = try #require(byID[event.recommendationID])
                    let swift = try #require(h.core.recommendedEvent(record, cycle: cycle) as? MeritRecommended)
                    #expect(try EventCodec.encodePayload(event) == (try EventCodec.encodePayload(swift)), "\(event.employeeID)")
                } else {
                    let event = try EventCodec.decodePayload(BonusRecommended.self, from: payload)
                    let record = try #require(byID[event.recommendationID])
                    let swift = try #require(h.core.recommendedEvent(record, cycle: cycle) as? BonusRecommended)
                    #expect(try EventCodec.encodePayload(event) == (try EventCodec.encodePayload(swift)), "\(event.employeeID)")
                }
            }
        }
    }
}
