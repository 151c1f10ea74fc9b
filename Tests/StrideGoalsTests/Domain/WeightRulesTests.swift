import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

@Suite("Weight rules")
struct WeightRulesTests {
    @Test(
        "weights in (0, 100] with at most 2 decimal places are valid",
        arguments: ["0.01", "1", "33.33", "99.99", "100", "100.00", "12.5"])
    func validWeights(text: String) throws {
        try WeightRules.validate(weight: d(text))
    }

    @Test(
        "0, negative, above 100 and more than 2 decimal places are invalid weights, naming weight",
        arguments: ["0", "-0.01", "-10", "100.01", "101", "33.333", "0.001", "99.999"])
    func invalidWeights(text: String) {
        let error = #expect(throws: GoalRuleViolation.self) { try WeightRules.validate(weight: d(text)) }
        #expect(error?.code == .invalidWeight)
        #expect(error?.field == "weight")
        #expect(error?.message.contains(text) == true)
    }

    @Test("a weight that is not a number is invalid")
    func notANumber() {
        #expect(throws: GoalRuleViolation.self) { try WeightRules.validate(weight: .nan) }
    }

    @Test("submission accepts weights summing to exactly 100")
    func sumsTo100() throws {
        try WeightRules.validateForSubmission([100])
        try WeightRules.validateForSubmission([d("33.33"), d("33.33"), d("33.34")])
        try WeightRules.validateForSubmission([d("12.5"), d("87.5")])
    }

    @Test(
        "submission refuses a sum other than 100 and states the actual sum",
        arguments: [
            (["60", "30"], "Weights sum to 90; they must sum to 100."),
            (["33.33", "33.33", "33.33"], "Weights sum to 99.99; they must sum to 100."),
            (["50", "50.01"], "Weights sum to 100.01; they must sum to 100."),
            (["100", "10"], "Weights sum to 110; they must sum to 100."),
        ])
    func sumNot100(weights: [String], message: String) {
        let error = #expect(throws: GoalRuleViolation.self) { try WeightRules.validateForSubmission(weights.map(d)) }
        #expect(error?.code == .weightsDoNotSumTo100)
        #expect(error?.message == message)
    }

    @Test("submitting with no goals is refused as a sum of 0")
    func emptyList() {
        let error = #expect(throws: GoalRuleViolation.self) { try WeightRules.validateForSubmission([]) }
        #expect(error?.code == .weightsDoNotSumTo100)
        #expect(error?.message == "Weights sum to 0; they must sum to 100.")
    }
}
