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
            var eventIDs = Set<UUID>()
            defer { #expect(eventIDs.count == rows.count, "every event has an id of its own") }
            for row in rows {
                let type = try row.decode(0, as: String.self)
                let pairs = try JSONDecoder().decode([[String]].self, from: Data(try row.decode(2, as: String.self).utf8))
                let metadata = try EventCodec.decodeMetadata(headers: pairs.map { EventHeader(name: $0[0], value: $0[1]) })
                eventIDs.insert(metadata.id)
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

    @Test("every RecommendationApproved and CompensationChangeApproved row of an approval decodes to the Swift-built event")
    func approvalEventsEqualSwiftEvents() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let approved = try await h.call(
                .post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: #"{"comment": "Within budget"}"#)
            try #require(approved.status == 200, "\(approved.text)")
            let (cycle, recommendations, changes, rows) = try await h.core.pool.withConnection { connection in
                let cycle = try #require(try await h.core.cycles.cycle(cycleID, on: connection))
                let recommendations = try await h.core.recommendations.chunk(of: cycleID, after: nil, limit: 1_000, on: connection)
                let changes = try await h.core.changes.page(of: cycleID, after: nil, limit: 1_000, on: connection)
                let rows = try await connection.query("""
                    SELECT event_type, headers::text, payload FROM \(unescaped: h.schema).outbox
                    WHERE event_type IN (\(RecommendationApproved.eventType), \(CompensationChangeApproved.eventType))
                    """)
                return (cycle, recommendations, changes, rows)
            }
            #expect(rows.count == 10 + changes.count && changes.count == 11, "\(rows.count) rows, \(changes.count) changes")
            let recommendationByID = Dictionary(uniqueKeysWithValues: recommendations.map { ($0.recommendationID, $0) })
            let changeByID = Dictionary(uniqueKeysWithValues: changes.map { ($0.changeID, $0) })
            var eventIDs = Set<UUID>()
            defer { #expect(eventIDs.count == rows.count, "every event has an id of its own") }
            for row in rows {
                let type = try row.decode(0, as: String.self)
                let pairs = try JSONDecoder().decode([[String]].self, from: Data(try row.decode(1, as: String.self).utf8))
                let metadata = try EventCodec.decodeMetadata(headers: pairs.map { EventHeader(name: $0[0], value: $0[1]) })
                eventIDs.insert(metadata.id)
                #expect(metadata.type == type && metadata.source == "/stride/\(h.schema)")
                let payload = Array(try row.decode(2, as: String.self).utf8)
                if type == CompensationChangeApproved.eventType {
                    let event = try EventCodec.decodePayload(CompensationChangeApproved.self, from: payload)
                    let change = try #require(changeByID[event.changeID])
                    #expect(try EventCodec.encodePayload(event) == (try EventCodec.encodePayload(change.approvedEvent)), "\(event.changeID)")
                    #expect(metadata.subject == change.employeeID)
                } else {
                    let event = try EventCodec.decodePayload(RecommendationApproved.self, from: payload)
                    let record = try #require(recommendationByID[event.recommendationID])
                    let own = changes.filter { $0.recommendationID == record.recommendationID }
                    let main = own.first { $0.kind == .merit || $0.kind == .bonus } ?? own.first
                    let swift = h.core.approvedEvent(
                        record, changeID: main?.changeID, effectiveDate: record.kind == .bonus ? cycle.payoutDate : cycle.effectiveDate,
                        actor: "hr", comment: "Within budget")
                    #expect(try EventCodec.encodePayload(event) == (try EventCodec.encodePayload(swift)), "\(event.recommendationID)")
                }
            }
        }
    }
}
