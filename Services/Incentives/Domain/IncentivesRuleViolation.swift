import StrideRuntime

/// An incentives rule a request broke (a matrix cell out of order, an adjustment past the pool),
/// answered as problem+json by the runtime (409, 422 or 400 naming the field, by
/// ``RuleViolationKind``).
public struct IncentivesRuleViolation: ConstructibleRuleViolation, Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.field == rhs.field && lhs.message == rhs.message && "\(lhs.kind)" == "\(rhs.kind)"
    }

    public let kind: RuleViolationKind
    public let field: String?
    public let message: String

    public init(_ kind: RuleViolationKind, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }
}
