import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("What participants see of a score")
struct ParticipantViewTests {
    let reviews = [
        review("m1", .manager, 4, 3, 4), review("s1", .selfReview, 5, 5, 4),
        review("p1", .peer, 3, 3, 2), review("p2", .peer, 4, 3, 3),
        review("x1", .external, 5, 2, 3), review("x2", .external, 4, 2, 3), review("x3", .external, 3, 2, 4),
    ]

    func explanation() throws -> ScoreExplanation {
        try ScoreCalculator.explain(
            attainmentPercent: 100, attainmentEventID: "evt-9", reviews: reviews, terms: standardTerms(),
            templateID: "TPL-STD", templateVersion: 1)
    }

    @Test("HR's explanation keeps every review id")
    func hrView() throws {
        let full = try explanation()
        #expect(full.group(.peer)?.reviewIDs == ["p1", "p2"])
        #expect(full.group(.external)?.reviewIDs == ["x1", "x2", "x3"])
    }

    @Test("anonymous groups lose their review ids; manager and self keep theirs")
    func anonymousIDsHidden() throws {
        let shown = try explanation().forParticipants()
        #expect(shown.group(.external)?.reviewIDs == [])
        #expect(shown.group(.external)?.competencyAverages.count == 3)
        #expect(shown.group(.external)?.score == dec("3.0667"))
        #expect(shown.group(.manager)?.reviewIDs == ["m1"])
        #expect(shown.group(.selfReview)?.reviewIDs == ["s1"])
    }

    @Test("a left-out group shows only that it was left out and why")
    func leftOutHidden() throws {
        let peer = try #require(try explanation().forParticipants().group(.peer))
        #expect(!peer.counted)
        #expect(peer.note == "2 raters, below the minimum of 3 — left out")
        #expect(peer.reviewIDs.isEmpty && peer.competencyAverages.isEmpty && peer.score == nil)
        #expect(peer.appliedWeightPercent == 0)
    }

    @Test("the scores and the explanation lines stay, and name no review")
    func scoresStay() throws {
        let full = try explanation()
        let shown = full.forParticipants()
        #expect(shown.finalScore == full.finalScore && shown.competencyScore == full.competencyScore)
        #expect(shown.ratingLevel == full.ratingLevel && shown.lines == full.lines)
        for id in ["p1", "p2", "x1", "x2", "x3"] {
            #expect(!shown.lines.contains { $0.contains(id) })
        }
    }
}
