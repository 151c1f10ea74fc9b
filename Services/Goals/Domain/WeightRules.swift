import Foundation

/// The rules for goal weights: each goal's share of its owner's goals in a period, in percent.
/// An owner's agreed goals must add up to exactly 100 so the weighted attainment is a percentage.
public enum WeightRules {
    /// Checks a single goal's (or key result's) weight: more than 0, at most 100, at most 2 decimal places.
    /// - Parameter weight: the weight, in percent.
    /// - Throws: ``GoalRuleViolation/Code/invalidWeight`` with field `weight`.
    public static func validate(weight: Decimal) throws(GoalRuleViolation) {
        if let problem = problem(with: weight) {
            throw GoalRuleViolation(.invalidWeight, field: "weight", problem)
        }
    }

    /// Checks, before an employee submits, that the weights of their goals in the period that are
    /// not cancelled sum to exactly 100. The caller leaves cancelled goals out.
    /// - Parameter weights: the weights of the owner's goals that are not cancelled.
    /// - Throws: ``GoalRuleViolation/Code/weightsDoNotSumTo100`` with field `weight` and the actual
    ///   sum in the message ("Weights sum to 90; they must sum to 100."); an empty list sums to 0.
    public static func validateForSubmission(_ weights: [Decimal]) throws(GoalRuleViolation) {
        let sum = weights.reduce(Decimal(0), +)
        guard sum == 100 else {
            throw GoalRuleViolation(.weightsDoNotSumTo100, field: "weight", sumMessage(sum, of: "Weights"))
        }
    }

    /// Why `weight` is not a valid weight, or `nil` when it is.
    static func problem(with weight: Decimal) -> String? {
        guard !weight.isNaN, weight > 0, weight <= 100 else {
            return "A weight must be more than 0 and at most 100; got \(text(weight))."
        }
        guard DecimalRounding.hasAtMost(places: 2, weight) else {
            return "A weight may have at most 2 decimal places; got \(text(weight))."
        }
        return nil
    }

    /// "<subject> sum to <sum>; they must sum to 100."
    static func sumMessage(_ sum: Decimal, of subject: String) -> String {
        "\(subject) sum to \(text(sum)); they must sum to 100."
    }

    private static func text(_ value: Decimal) -> String {
        value.isNaN ? "not a number" : value.description
    }
}
