import StrideRuntime

extension Problem {
    /// The problem a broken domain rule answers with: a state conflict (invalid transition, closed
    /// period, frozen goal) is 409, weights not summing to 100 is 422, anything else is a 400
    /// naming the field.
    static func rule(_ violation: GoalRuleViolation) -> Problem {
        switch violation.code {
        case .invalidTransition, .periodClosed, .goalFrozen:
            return .conflict(violation.message)
        case .weightsDoNotSumTo100:
            return .unprocessable(violation.message, errors: [FieldError(field: violation.field ?? "weight", message: violation.message)])
        default:
            return .validation([FieldError(field: violation.field ?? "body", message: violation.message)])
        }
    }

    /// Every violation of a request at once, as one 400.
    static func rules(_ violations: [GoalRuleViolation]) -> Problem {
        if violations.count == 1 { return rule(violations[0]) }
        return .validation(violations.map { FieldError(field: $0.field ?? "body", message: $0.message) })
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
