import Foundation
import StrideContracts

/// Goal attainment mapped onto the rating scale: 100 % attainment is "meets expectations".
public enum GoalScoring {
    /// The goal score: `attainmentPercent / 100 × meetsExpectationsLevel`, clamped to 1…scale
    /// maximum and rounded half away from zero to 4 places. With "meets" at 3 of 5, 100 % scores
    /// 3, 120 % scores 3.6 and 200 % or more scores 5.
    /// - Parameters:
    ///   - attainmentPercent: the weighted goal attainment of the period, in percent.
    ///   - terms: the template terms.
    public static func score(attainmentPercent: Decimal, terms: TemplateTerms) -> Decimal {
        let raw = DecimalRounding.divide(attainmentPercent * Decimal(terms.meetsExpectationsLevel), by: 100)
        return min(max(raw, 1), Decimal(max(1, terms.scale.maximum)))
    }
}
