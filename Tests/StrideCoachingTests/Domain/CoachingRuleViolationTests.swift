import StrideCoaching
import StrideRuntime
import Testing

@Suite struct CoachingRuleViolationTests {
    @Test func aBrokenRuleNamesItsField() {
        let violation = CoachingRuleViolation(.invalid, field: "confidence", "confidence must be 1 to 5")
        #expect(violation.field == "confidence")
        #expect(violation != CoachingRuleViolation(.conflict, field: "confidence", "confidence must be 1 to 5"))
    }
}
