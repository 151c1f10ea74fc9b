import StrideRuntime

extension GoalRuleViolation: RuleViolation {
    /// A state conflict (invalid transition, closed period, frozen goal) is 409, weights not
    /// summing to 100 is 422, anything else is a 400 naming the field: the runtime maps each kind.
    public var kind: RuleViolationKind {
        switch code {
        case .invalidTransition, .periodClosed, .goalFrozen: .conflict
        case .weightsDoNotSumTo100: .unprocessable
        default: .invalid
        }
    }
}

/// Runs a domain rule check, turning its violation into the matching problem.
func enforcing<T>(_ check: () throws -> T) throws -> T {
    do {
        return try check()
    } catch let violation as GoalRuleViolation {
        throw Problem.rule(violation)
    }
}
