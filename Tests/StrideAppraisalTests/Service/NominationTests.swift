import Foundation
import HTTPTypes
import StrideAppraisal
import StrideContracts
import StrideKafka
import StrideTestSupport
import Testing

/// Nominations with the real database and broker: the employee nominates peers and an external
/// rater, their manager decides, and the external rater answers once through a link that opens
/// that one review and nothing else.
@Suite("Appraisal: nominations and external reviewers", .serialized)
struct NominationTests {
    @Test("the employee nominates, the manager approves, the external link answers once; peers' and the external's reviews stay anonymous")
    func nominateAndReview() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let cycleID = try await AppraisalFixtures.openSalesCycle(h)
            let e1 = try await AppraisalFixtures.appraisalID(h, of: "e1")
            let body = #"{"peers": ["e2", "e4"], "externals": [{"name": "Dana Client", "email": "dana@client.example"}]}"#
            let tooEarly = try await h.call(.post, "/v1/appraisals/\(e1)/nominations", as: "e1", json: body)
            #expect(tooEarly.status == 409, "\(tooEarly.text)")
            try await AppraisalFixtures.advance(h, cycleID, to: "nominations")

            #expect(try await h.call(.post, "/v1/appraisals/\(e1)/nominations", as: "e2", json: body).status == 404)
            let selfPeer = try await h.call(.post, "/v1/appraisals/\(e1)/nominations", as: "e1", json: #"{"peers": ["e1"]}"#)
            #expect(selfPeer.status == 400 || selfPeer.status == 422, "\(selfPeer.text)")
            let badEmail = try await h.call(
                .post, "/v1/appraisals/\(e1)/nominations", as: "e1", json: #"{"externals": [{"name": "X", "email": "not-an-address"}]}"#)
            #expect(badEmail.status == 400 || badEmail.status == 422, "\(badEmail.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.reviews WHERE status = 'nominated'", as: Int.self) == 0)

            let nominated = try await h.call(.post, "/v1/appraisals/\(e1)/nominations", as: "e1", json: body)
            #expect(nominated.status == 201 || nominated.status == 200, "\(nominated.text)")
            let list = try await h.call(.get, "/v1/appraisals/\(e1)/nominations", as: "m1")
            let items = try list.items
            #expect(items.count == 3 && items.allSatisfy { $0["status"] as? String == "nominated" }, "\(list.text)")
            let ids = items.compactMap { $0["review_id"] as? String }

            #expect(try await h.call(.post, "/v1/appraisals/\(e1)/nominations/decision", as: "m2", json: #"{"approve": []}"#).status == 404)
            let selfDecision = try await h.call(
                .post, "/v1/appraisals/\(e1)/nominations/decision", as: "e1", json: #"{"approve": \#(jsonArray(ids))}"#)
            #expect(selfDecision.status == 403 || selfDecision.status == 404, "\(selfDecision.text)")
            let decided = try await h.call(.post, "/v1/appraisals/\(e1)/nominations/decision", as: "m1", json: #"{"approve": \#(jsonArray(ids))}"#)
            #expect(decided.status == 200, "\(decided.text)")
            let links = try #require(try decided.json["external_links"] as? [[String: Any]])
            #expect(links.count == 1 && links.first?["external_name"] as? String == "Dana Client", "\(decided.text)")
            let url = try #require(links.first?["url"] as? String)
            let token = try #require(url.split(separator: "/").last.map(String.init))

            let form = try await h.call(.get, "/v1/external-reviews/\(token)", as: nil)
            let value1 = try form.string("employee_name")
            #expect(form.status == 200 && value1 == "E1", "\(form.text)")
            #expect(try await h.call(.get, "/v1/external-reviews/\(token)x", as: nil).status == 404)
            #expect(try await h.call(.get, "/v1/external-reviews/\(token)", as: "e1").status == 200, "a bearer token changes nothing")

            try await AppraisalFixtures.advance(h, cycleID, to: "peer_reviews")
            try await AppraisalFixtures.submit(h, of: "e1", by: "e2", levels: [4, 4, 4])
            try await AppraisalFixtures.submit(h, of: "e1", by: "e4", levels: [5, 5, 5])
            let invalid = try await h.call(.post, "/v1/external-reviews/\(token)", as: nil, json: AppraisalFixtures.ratings([4, 9, 4]))
            #expect(invalid.status == 400, "\(invalid.text)")
            let external = try await h.call(.post, "/v1/external-reviews/\(token)", as: nil, json: AppraisalFixtures.ratings([3, 3, 3]))
            #expect(external.status == 200, "\(external.text)")
            let spent = try await h.call(.post, "/v1/external-reviews/\(token)", as: nil, json: AppraisalFixtures.ratings([1, 1, 1]))
            #expect(spent.status == 404, "single use: \(spent.text)")
            #expect(try await h.call(.get, "/v1/external-reviews/\(token)", as: nil).status == 404)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.reviews WHERE rater_group = 'external' AND status = 'submitted'", as: Int.self) == 1)
            // A link's hash is unique among the reviews that have one; the rest hold none.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.reviews WHERE link_token_hash IS NOT NULL", as: Int.self) == 1)
            await #expect(throws: (any Error).self) {
                try await h.scalar("""
                    UPDATE $schema.reviews SET link_token_hash = (SELECT link_token_hash FROM $schema.reviews WHERE rater_group = 'external')
                    WHERE rater_group = 'peer' RETURNING 1
                    """, as: Int.self)
            }

            // Neither the reviewee nor their manager can open a peer's review or learn who wrote what.
            let e2Review = try await AppraisalFixtures.reviewID(h, of: "e1", by: "e2")
            for reader in ["e1", "m1", "vp1"] {
                #expect(try await h.call(.get, "/v1/reviews/\(e2Review)", as: reader).status == 404, "\(reader)")
            }
            let managerNominations = try await h.call(.get, "/v1/appraisals/\(e1)/nominations", as: "m1")
            #expect(managerNominations.status == 200)
            let e1Own = try await h.call(.get, "/v1/reviews", as: "e1")
            #expect(try e1Own.items.allSatisfy { $0["employee_id"] as? String != "e1" || $0["rater_group"] as? String == "self" }, "\(e1Own.text)")
        }
    }

    private func jsonArray(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
