import StrideCoaching
import StrideContracts
import Testing

@Suite("Check-in rules")
struct CheckInRulesTests {
    let today = day("2026-03-10")

    func submission(
        heldOn: String = "2026-03-10", whatMoved: String = "Shipped the importer", blockers: [String] = ["Waiting on legal"],
        confidence: Int = 4, goalIDs: [String] = ["g1", "g2"]
    ) -> CheckInSubmission {
        CheckInSubmission(
            heldOn: day(heldOn), whatMoved: whatMoved, blockers: blockers, confidence: confidence, goalIDs: goalIDs)
    }

    @Test("a complete check-in breaks no rule")
    func valid() {
        #expect(CheckInRules.violations(of: submission(), today: today).isEmpty)
        #expect(CheckInRules.violations(of: submission(blockers: [], goalIDs: []), today: today).isEmpty)
    }

    @Test("confidence is 1 to 5", arguments: [-1, 0, 1, 3, 5, 6, 10])
    func confidence(value: Int) {
        let violations = CheckInRules.violations(of: submission(confidence: value), today: today)
        if (1...5).contains(value) {
            #expect(violations.isEmpty)
        } else {
            #expect(summary(violations) == ["invalid:confidence"])
        }
    }

    @Test("a check-in cannot be held in the future")
    func futureDate() {
        #expect(summary(CheckInRules.violations(of: submission(heldOn: "2026-03-11"), today: today)) == ["invalid:held_on"])
        #expect(CheckInRules.violations(of: submission(heldOn: "2026-03-01"), today: today).isEmpty)
    }

    @Test("a check-in is recorded within a year: 366 days late is accepted, 367 is not")
    func tooLongAgo() {
        #expect(CheckInRules.violations(of: submission(heldOn: "2025-03-09"), today: today).isEmpty)
        #expect(summary(CheckInRules.violations(of: submission(heldOn: "2025-03-08"), today: today)) == ["invalid:held_on"])
        #expect(summary(CheckInRules.violations(of: submission(heldOn: "0001-01-01"), today: today)) == ["invalid:held_on"])
    }

    @Test("what moved is required and bounded")
    func whatMoved() {
        #expect(summary(CheckInRules.violations(of: submission(whatMoved: "  \n"), today: today)) == ["invalid:what_moved"])
        let long = String(repeating: "x", count: CheckInRules.maxWhatMovedLength + 1)
        #expect(summary(CheckInRules.violations(of: submission(whatMoved: long), today: today)) == ["invalid:what_moved"])
        let longest = String(repeating: "x", count: CheckInRules.maxWhatMovedLength)
        #expect(CheckInRules.violations(of: submission(whatMoved: longest), today: today).isEmpty)
    }

    @Test("blockers are bounded in number and length, none blank")
    func blockers() {
        let many = Array(repeating: "b", count: CheckInRules.maxBlockers + 1)
        #expect(summary(CheckInRules.violations(of: submission(blockers: many), today: today)) == ["invalid:blockers"])
        #expect(summary(CheckInRules.violations(of: submission(blockers: ["ok", " "]), today: today)) == ["invalid:blockers[1]"])
        let long = String(repeating: "b", count: CheckInRules.maxBlockerLength + 1)
        #expect(summary(CheckInRules.violations(of: submission(blockers: [long]), today: today)) == ["invalid:blockers[0]"])
    }

    @Test("goals touched: no duplicates, no blanks, bounded count")
    func goals() {
        #expect(summary(CheckInRules.violations(of: submission(goalIDs: ["g1", "g2", "g1"]), today: today)) == ["invalid:goal_ids[2]"])
        #expect(summary(CheckInRules.violations(of: submission(goalIDs: [""]), today: today)) == ["invalid:goal_ids[0]"])
        let many = (0...CheckInRules.maxGoalsTouched).map { "g\($0)" }
        #expect(summary(CheckInRules.violations(of: submission(goalIDs: many), today: today)) == ["invalid:goal_ids"])
    }

    @Test("every broken rule is reported at once")
    func allAtOnce() {
        let violations = CheckInRules.violations(
            of: submission(heldOn: "2026-04-01", whatMoved: "", confidence: 9, goalIDs: ["a", "a"]), today: today)
        #expect(summary(violations) == ["invalid:held_on", "invalid:what_moved", "invalid:confidence", "invalid:goal_ids[1]"])
    }

    @Test("the manager's reply is required and bounded")
    func reply() {
        #expect(CheckInRules.replyViolations("Good progress, let's unblock legal.").isEmpty)
        #expect(summary(CheckInRules.replyViolations(" ")) == ["invalid:reply"])
        #expect(
            summary(CheckInRules.replyViolations(String(repeating: "r", count: CheckInRules.maxReplyLength + 1)))
                == ["invalid:reply"])
    }
}
