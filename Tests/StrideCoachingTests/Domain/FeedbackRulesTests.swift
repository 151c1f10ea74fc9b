import StrideCoaching
import StrideContracts
import Testing

@Suite("Feedback and feedback requests")
struct FeedbackRulesTests {
    let today = day("2026-03-10")

    func feedback(
        giver: String = "ann", recipient: String = "bob", message: String = "Great demo", goalID: String? = nil,
        competencyID: String? = nil
    ) -> FeedbackSubmission {
        FeedbackSubmission(
            giverID: giver, recipientID: recipient, kind: .praise, audience: .public, message: message, goalID: goalID,
            competencyID: competencyID)
    }

    @Test("anyone gives anyone else feedback, praise or constructive, with optional links")
    func valid() {
        #expect(FeedbackRules.violations(of: feedback()).isEmpty)
        #expect(FeedbackRules.violations(of: feedback(goalID: "g1", competencyID: "c1")).isEmpty)
        var constructive = feedback()
        constructive.kind = .constructive
        constructive.audience = .recipientOnly
        #expect(FeedbackRules.violations(of: constructive).isEmpty)
    }

    @Test("self-feedback is refused")
    func selfFeedback() {
        #expect(summary(FeedbackRules.violations(of: feedback(recipient: "ann"))) == ["unprocessable:recipient_id"])
    }

    @Test("the message, the recipient and the links must be filled in when given")
    func fields() {
        #expect(summary(FeedbackRules.violations(of: feedback(recipient: " "))) == ["invalid:recipient_id"])
        #expect(summary(FeedbackRules.violations(of: feedback(message: ""))) == ["invalid:message"])
        let long = String(repeating: "m", count: FeedbackRules.maxMessageLength + 1)
        #expect(summary(FeedbackRules.violations(of: feedback(message: long))) == ["invalid:message"])
        #expect(
            summary(FeedbackRules.violations(of: feedback(goalID: "", competencyID: " ")))
                == ["invalid:goal_id", "invalid:competency_id"])
    }

    func request(_ respondents: [String], due: String = "2026-03-20", prompt: String? = nil) -> FeedbackRequest {
        FeedbackRequest(requesterID: "ann", respondentIDs: respondents, dueOn: day(due), prompt: prompt)
    }

    @Test("a request names 1 to 10 other colleagues and a future due date")
    func validRequest() {
        #expect(FeedbackRequestRules.violations(of: request(["bob"]), today: today).isEmpty)
        let ten = (1...FeedbackRequestRules.maxRespondents).map { "p\($0)" }
        #expect(FeedbackRequestRules.violations(of: request(ten, due: "2026-03-11", prompt: "My demos?"), today: today).isEmpty)
    }

    @Test("request rules: empty, too many, duplicates, blanks, the requester, due date, prompt")
    func invalidRequests() {
        #expect(summary(FeedbackRequestRules.violations(of: request([]), today: today)) == ["invalid:respondent_ids"])
        let eleven = (0...FeedbackRequestRules.maxRespondents).map { "p\($0)" }
        #expect(summary(FeedbackRequestRules.violations(of: request(eleven), today: today)) == ["invalid:respondent_ids"])
        #expect(
            summary(FeedbackRequestRules.violations(of: request(["bob", "cat", "bob"]), today: today))
                == ["invalid:respondent_ids[2]"])
        #expect(summary(FeedbackRequestRules.violations(of: request(["bob", ""]), today: today)) == ["invalid:respondent_ids[1]"])
        #expect(
            summary(FeedbackRequestRules.violations(of: request(["bob", "ann"]), today: today))
                == ["unprocessable:respondent_ids[1]"])
        #expect(summary(FeedbackRequestRules.violations(of: request(["bob"], due: "2026-03-10"), today: today)) == ["invalid:due_on"])
        #expect(summary(FeedbackRequestRules.violations(of: request(["bob"], due: "2026-01-01"), today: today)) == ["invalid:due_on"])
        let long = String(repeating: "p", count: FeedbackRequestRules.maxPromptLength + 1)
        #expect(summary(FeedbackRequestRules.violations(of: request(["bob"], prompt: long), today: today)) == ["invalid:prompt"])
    }
}
