import Foundation
import StrideContracts
@testable import StrideAppraisal
import StridePostgres
import StrideTestSupport
import Testing

/// Opening a cycle announces its review requests with one statement that spells each
/// `ReviewRequested` in SQL. Every row it writes must be exactly the event the service would
/// build in Swift from the same review: the contracts' decoder reads it, re-encoded it is byte
/// for byte the Swift event's JSON, and its headers are the CloudEvents headers `EventCodec` writes.
@Suite("Appraisal: set-based review requests equal the Swift events", .serialized)
struct OpeningAnnouncementTests {
    @Test("every ReviewRequested row of an opening decodes to the Swift-built event of its review, one per review, each with its own id")
    func sqlEventsEqualSwiftEvents() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let cycleID = try await AppraisalFixtures.openSalesCycle(h)
            let (reviews, rows) = try await h.core.pool.withConnection { connection in
                let reviews = try await connection.query("""
                    SELECT review_id, employee_id, reviewer_id, rater_group, due_on FROM \(unescaped: h.schema).reviews
                    WHERE cycle_id = \(cycleID)
                    """).map(RequestedReview.init(row:))
                let rows = try await connection.query("""
                    SELECT topic, partition_key, headers::text, payload FROM \(unescaped: h.schema).outbox
                    WHERE event_type = \(ReviewRequested.eventType)
                    """)
                return (reviews, rows)
            }
            let groups = Set(reviews.map(\.group))
            #expect(groups == [.selfReview, .manager, .directReport], "\(groups)")
            #expect(rows.count == reviews.count && reviews.count > 5, "\(rows.count) rows, \(reviews.count) reviews")
            let byID = Dictionary(uniqueKeysWithValues: reviews.map { ($0.reviewID, $0) })
            var eventIDs = Set<UUID>()
            var announced = Set<String>()
            for row in rows {
                let topic = try row.decode(0, as: String.self), key = try row.decode(1, as: String.self)
                #expect(topic == StrideTopic.appraisal.rawValue)
                let pairs = try JSONDecoder().decode([[String]].self, from: Data(try row.decode(2, as: String.self).utf8))
                #expect(pairs.map { $0[0] } == ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type"])
                let metadata = try EventCodec.decodeMetadata(headers: pairs.map { EventHeader(name: $0[0], value: $0[1]) })
                eventIDs.insert(metadata.id)
                #expect(metadata.type == ReviewRequested.eventType && metadata.source == "/stride/\(h.schema)")
                let event = try EventCodec.decodePayload(ReviewRequested.self, from: Array(try row.decode(3, as: String.self).utf8))
                #expect(metadata.subject == event.employeeID && key == event.employeeID)
                let review = try #require(byID[event.reviewID], "an event of a review that does not exist: \(event.reviewID)")
                let swift = h.core.reviewRequested(review, cycleID: cycleID, actor: "hr")
                let (sqlJSON, swiftJSON) = (try EventCodec.encodePayload(event), try EventCodec.encodePayload(swift))
                #expect(sqlJSON == swiftJSON, "\(event.reviewID)")
                announced.insert(event.reviewID)
            }
            #expect(eventIDs.count == rows.count, "every event has an id of its own")
            #expect(announced.count == reviews.count, "every review is announced once")
        }
    }

    @Test("a broken org chart (two people managing each other, one managing themselves) still opens: one request per appraisal and reviewer, the first group kept")
    func brokenOrgChartOpensOnce() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            // What an HR feed can send: vp1 and m1 each other's manager, e4 their own.
            try await h.core.pool.execute("""
                UPDATE \(unescaped: h.schema).org_employees
                SET manager_id = CASE employee_id WHEN 'vp1' THEN 'm1' ELSE 'e4' END
                WHERE employee_id IN ('vp1', 'e4')
                """)
            let cycleID = try await AppraisalFixtures.openSalesCycle(h)
            let requests = try await h.scalar("""
                SELECT string_agg(a.employee_id || ':' || r.reviewer_id || ':' || r.rater_group, ' '
                                  ORDER BY a.employee_id, r.reviewer_id)
                FROM $schema.reviews r JOIN $schema.appraisals a USING (appraisal_id) WHERE r.cycle_id = '\(cycleID)'
                """, as: String.self)
            #expect(requests == [
                "e1:e1:self", "e1:m1:manager", "e2:e2:self", "e2:m1:manager", "e4:e4:self",
                "m1:e1:direct_report", "m1:e2:direct_report", "m1:m1:self", "m1:vp1:manager",
                "vp1:m1:manager", "vp1:vp1:self",
            ].joined(separator: " "))
            let announced = try await h.scalar(
                "SELECT count(*)::int FROM $schema.outbox WHERE event_type = '\(ReviewRequested.eventType)'", as: Int.self)
            #expect(announced == 11, "one ReviewRequested per request")
        }
    }
}
