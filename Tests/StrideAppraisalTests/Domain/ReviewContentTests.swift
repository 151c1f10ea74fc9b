import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("Review content")
struct ReviewContentTests {
    let terms = standardTerms()

    func content(_ ratings: [(String, Int)], comments: [(String, String)] = []) -> ReviewContent {
        ReviewContent(
            ratings: ratings.map { CompetencyRating(competencyID: $0.0, level: $0.1) },
            comments: comments.map { CompetencyComment(competencyID: $0.0, text: $0.1) })
    }

    @Test("a complete review may be submitted; a partial one saved as a draft")
    func complete() {
        let full = content([("communication", 4), ("delivery", 3), ("leadership", 5)], comments: [("delivery", "Steady")])
        #expect(ReviewContent.violations(of: full, terms: terms, submitting: true).isEmpty)
        let partial = content([("delivery", 3)])
        #expect(ReviewContent.violations(of: partial, terms: terms, submitting: false).isEmpty)
        let missing = ReviewContent.violations(of: partial, terms: terms, submitting: true)
        #expect(summary(missing) == ["unprocessable:ratings"])
        #expect(missing.first?.message.contains("communication, leadership") == true)
    }

    @Test("ratings only for template competencies, on the scale, once each")
    func ratings() {
        let broken = content([("communication", 0), ("typing", 3), ("communication", 6), ("delivery", 5)])
        #expect(
            summary(ReviewContent.violations(of: broken, terms: terms, submitting: false)) == [
                "invalid:ratings[0].level", "invalid:ratings[1].competency_id", "invalid:ratings[2].competency_id",
                "invalid:ratings[2].level",
            ])
    }

    @Test("comments only for template competencies, at most 2,000 characters")
    func comments() {
        let long = String(repeating: "x", count: 2001)
        let broken = content([], comments: [("typing", "Fast"), ("delivery", long), ("leadership", String(long.dropFirst()))])
        #expect(
            summary(ReviewContent.violations(of: broken, terms: terms, submitting: false))
                == ["invalid:comments[0].competency_id", "invalid:comments[1].text"])
    }

    @Test("the overall comment is at most 4,000 characters and the overall level on the scale")
    func overall() {
        var broken = content([])
        broken.overallComment = String(repeating: "x", count: 4001)
        broken.overallLevel = 6
        #expect(
            summary(ReviewContent.violations(of: broken, terms: terms, submitting: false))
                == ["invalid:overall_comment", "invalid:overall_level"])
        broken.overallComment = String(repeating: "x", count: 4000)
        broken.overallLevel = 5
        #expect(ReviewContent.violations(of: broken, terms: terms, submitting: false).isEmpty)
    }

    @Test("content decodes from snake_case JSON; missing lists are empty")
    func decoding() throws {
        let json = #"{"ratings":[{"competency_id":"delivery","level":3}],"overall_level":3,"overall_comment":"Good year"}"#
        let decoded = try JSONDecoder().decode(ReviewContent.self, from: Data(json.utf8))
        #expect(decoded == ReviewContent(ratings: [CompetencyRating(competencyID: "delivery", level: 3)], overallComment: "Good year", overallLevel: 3))
    }

    @Test("a decline reason is required and at most 500 characters")
    func declineReason() {
        #expect(DeclineReason.violations(of: "On leave until March").isEmpty)
        #expect(summary(DeclineReason.violations(of: "  ")) == ["invalid:reason"])
        #expect(summary(DeclineReason.violations(of: String(repeating: "x", count: 501))) == ["invalid:reason"])
        #expect(DeclineReason.violations(of: String(repeating: "x", count: 500)).isEmpty)
    }
}

@Suite("Dispute windows")
struct DisputeWindowTests {
    @Test("the deadline is the release day plus the window")
    func deadline() {
        #expect(DisputeWindow.deadline(releasedOn: day("2027-01-11"), days: 14) == day("2027-01-25"))
        #expect(DisputeWindow.deadline(releasedOn: day("2027-02-20"), days: 10) == day("2027-03-02"))
        #expect(DisputeWindow.deadline(releasedOn: day("2027-01-11"), days: 0) == day("2027-01-11"))
    }

    @Test("a dispute may be raised from release to the deadline, both days included")
    func isOpen() {
        let released = day("2027-01-11")
        #expect(DisputeWindow.isOpen(releasedOn: released, days: 14, today: released))
        #expect(DisputeWindow.isOpen(releasedOn: released, days: 14, today: day("2027-01-25")))
        #expect(!DisputeWindow.isOpen(releasedOn: released, days: 14, today: day("2027-01-26")))
        #expect(!DisputeWindow.isOpen(releasedOn: released, days: 14, today: day("2027-01-10")))
    }
}
