import Foundation
import StrideRuntime
import StrideContracts

/// One merit matrix cell: the lowest, the guideline and the highest increase, in percent of the
/// base salary, for one rating and salary zone.
public struct MeritRange: Codable, Sendable, Hashable {
    @DecimalString public var minimumPercent: Decimal
    @DecimalString public var guidelinePercent: Decimal
    @DecimalString public var maximumPercent: Decimal

    public init(minimumPercent: Decimal, guidelinePercent: Decimal, maximumPercent: Decimal) {
        self.minimumPercent = minimumPercent
        self.guidelinePercent = guidelinePercent
        self.maximumPercent = maximumPercent
    }

    /// Whether `percent` is inside the range, ends included.
    public func contains(_ percent: Decimal) -> Bool {
        percent >= minimumPercent && percent <= maximumPercent
    }

    /// What is wrong with the cell: percentages from 0 to 100, minimum ≤ guideline ≤ maximum.
    func violations(field: String) -> [IncentivesRuleViolation] {
        var found: [IncentivesRuleViolation] = []
        for (value, name) in [(minimumPercent, "minimum_percent"), (guidelinePercent, "guideline_percent"), (maximumPercent, "maximum_percent")]
        where value < 0 || value > 100 || value.isNaN {
            found.append(IncentivesRuleViolation(.invalid, field: "\(field).\(name)", "A percentage is from 0 to 100."))
        }
        for (value, name) in [(minimumPercent, "minimum_percent"), (guidelinePercent, "guideline_percent"), (maximumPercent, "maximum_percent")]
        where MoneyMath.truncate(value, places: 2) != value {
            found.append(IncentivesRuleViolation(.invalid, field: "\(field).\(name)", "A percentage has at most two decimals."))
        }
        if found.isEmpty, !(minimumPercent <= guidelinePercent && guidelinePercent <= maximumPercent) {
            found.append(IncentivesRuleViolation(
                .invalid, field: "\(field).guideline_percent", "A cell needs minimum ≤ guideline ≤ maximum."))
        }
        return found
    }

    enum CodingKeys: String, CodingKey {
        case minimumPercent = "minimum_percent"
        case guidelinePercent = "guideline_percent"
        case maximumPercent = "maximum_percent"
    }
}
