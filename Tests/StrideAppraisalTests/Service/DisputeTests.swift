import Foundation
import HTTPTypes
import StrideAppraisal
import StrideContracts
import StrideKafka
import StrideTestSupport
import Testing

/// After release: the employee acknowledges or disputes within the window; HR resolves, and an
/// amendment is a new version of the appraisal announced as the next `AppraisalFinalized`;
/// closing the cycle ends disputes and is announced.
@Suite("Appraisal: disputes and closing", .serialized)
struct DisputeTests {
    @Test("a dispute amended by HR makes version 2 and a second AppraisalFinalized; the employee cannot decide it; a closed cycle takes no dispute")
    func disputeToVersionTwo() async throws {
        try await AppraisalHarness.appraisal { h in
            let tap = try await TopicTap.start(topic: StrideTopic.appraisal.rawValue, source: "/stride/\(h.schema)")
            let cycleID = try await AppraisalFixtures.scoredSalesCycle(h)
            let e1 = try await AppraisalFixtures.appraisalID(h, of: "e1")
            let early = try await h.call(.post, "/v1/appraisals/\(e1)/disputes", as: "e1", json: #"{"disputed_fields": ["rating"], "reason": "Too low"}"#)
            #expect(early.status == 404, "not released yet: \(early.text)")
            try await AppraisalFixtures.advance(h, cycleID, to: "calibration")
            try await AppraisalFixtures.advance(h, cycleID, to: "feedback")

            let unknownField = try await h.call(
                .post, "/v1/appraisals/\(e1)/disputes", as: "e1", json: #"{"disputed_fields": ["salary"], "reason": "Too low"}"#)
            #expect(unknownField.status == 400 || unknownField.status == 422, "\(unknownField.text)")
            let nul = try await h.call(
                .post, "/v1/appraisals/\(e1)/disputes", as: "e1", json: #"{"disputed_fields": ["rating"], "reason": "Too\u0000low"}"#)
            #expect(nul.status == 400 && nul.problemFields == ["reason"], "\(nul.text)")
            #expect(try await h.call(.post, "/v1/appraisals/\(e1)/disputes", as: "e2", json: #"{"disputed_fields": ["rating"], "reason": "x"}"#).status == 404)
            let raised = try await h.call(
                .post, "/v1/appraisals/\(e1)/disputes", as: "e1",
                json: #"{"disputed_fields": ["rating"], "reason": "The delivery rating ignores the two launches I led."}"#)
            #expect(raised.status == 201, "\(raised.text)")
            let disputeID = try raised.string("dispute_id")
            let again = try await h.call(.post, "/v1/appraisals/\(e1)/disputes", as: "e1", json: #"{"disputed_fields": ["rating"], "reason": "Again"}"#)
            #expect(again.status == 409, "\(again.text)")

            #expect(try await h.call(.get, "/v1/disputes/\(disputeID)", as: "m1").status == 200)
            #expect(try await h.call(.get, "/v1/disputes/\(disputeID)", as: "e2").status == 404)
            let selfDecided = try await h.call(
                .post, "/v1/disputes/\(disputeID)/resolve", as: "e1", json: #"{"resolution": "amended", "comment": "Agreed", "rating_level": 5}"#)
            #expect(selfDecided.status == 403, "\(selfDecided.text)")
            let managerDecided = try await h.call(
                .post, "/v1/disputes/\(disputeID)/resolve", as: "m1", json: #"{"resolution": "upheld", "comment": "Stands"}"#)
            #expect(managerDecided.status == 403, "\(managerDecided.text)")
            let noChange = try await h.call(.post, "/v1/disputes/\(disputeID)/resolve", as: "hr", json: #"{"resolution": "amended", "comment": "Agreed"}"#)
            #expect(noChange.status == 400 && noChange.problemFields == ["rating_level"], "\(noChange.text)")
            #expect(try await h.scalar("SELECT version FROM $schema.appraisals WHERE appraisal_id = '\(e1)'", as: Int.self) == 1)

            let resolved = try await h.call(
                .post, "/v1/disputes/\(disputeID)/resolve", as: "hr",
                json: #"{"resolution": "amended", "comment": "The launches were missing from the evidence.", "rating_level": 4}"#)
            let value1 = try resolved.string("status")
            #expect(resolved.status == 200 && value1 == "amended", "\(resolved.text)")
            #expect(try await h.call(.post, "/v1/disputes/\(disputeID)/resolve", as: "hr", json: #"{"resolution": "upheld", "comment": "x"}"#).status == 409)
            let amended = try await h.call(.get, "/v1/appraisals/\(e1)", as: "e1")
            let amendedBody = try amended.json
            #expect(amendedBody["version"] as? Int == 2 && amendedBody["rating_level"] as? Int == 4, "\(amended.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.appraisal_versions WHERE appraisal_id = '\(e1)'", as: Int.self) ?? 0 >= 1)

            let ack = try await h.call(.post, "/v1/appraisals/\(e1)/acknowledge", as: "e1", json: "{}")
            let value2 = try ack.json["acknowledged_version"] as? Int
            #expect(ack.status == 200 && value2 == 2, "\(ack.text)")

            try await AppraisalFixtures.advance(h, cycleID, to: "closed")
            let e2 = try await AppraisalFixtures.appraisalID(h, of: "e2")
            let closed = try await h.call(.post, "/v1/appraisals/\(e2)/disputes", as: "e2", json: #"{"disputed_fields": ["rating"], "reason": "Late"}"#)
            #expect(closed.status == 409, "\(closed.text)")

            // Every event this test expects, whichever partition it travels on and in whichever order they are read.
            let expected = [CycleClosed.eventType, AppraisalDisputed.eventType, AppraisalDisputeResolved.eventType, AppraisalAcknowledged.eventType]
            let events = try await tap.events { events in
                expected.allSatisfy { type in events.contains { $0.0.type == type } }
                    && events.filter { $0.0.type == AppraisalFinalized.eventType }.count >= 6
            }
            await tap.close()
            let finalized = try events.filter { $0.0.type == AppraisalFinalized.eventType }
                .map { try EventCodec.decodePayload(AppraisalFinalized.self, from: $0.1.value) }.filter { $0.employeeID == "e1" }
            #expect(finalized.map(\.version) == [1, 2])
            #expect(finalized.last?.rating.level == 4 && finalized.last?.appraisalID == e1)
            let disputed = try events.filter { $0.0.type == AppraisalDisputed.eventType }
                .map { try EventCodec.decodePayload(AppraisalDisputed.self, from: $0.1.value) }
            #expect(disputed.count == 1 && disputed.first?.employeeID == "e1")
            let resolutions = try events.filter { $0.0.type == AppraisalDisputeResolved.eventType }
                .map { try EventCodec.decodePayload(AppraisalDisputeResolved.self, from: $0.1.value) }
            #expect(resolutions.count == 1 && resolutions.first?.resolution == .amended && resolutions.first?.resultingVersion == 2)
            #expect(events.filter { $0.0.type == AppraisalAcknowledged.eventType }.count == 1)
            let closings = try events.filter { $0.0.type == CycleClosed.eventType }.map { try EventCodec.decodePayload(CycleClosed.self, from: $0.1.value) }
            #expect(closings.count == 1 && closings.first?.cycleID == cycleID)
        }
    }
}
