/// A broken domain rule as a service's pure domain layer reports it (a goal's weights, a review
/// cycle's phase, a merit matrix's range), answered over HTTP the same way by every service:
/// throw it from a route and ``ProblemMiddleware`` turns it into the problem of its ``kind``.
public protocol RuleViolation: Error, Sendable {
    /// What kind of rule was broken, which decides the status.
    var kind: RuleViolationKind { get }
    /// The request field at fault, in the client's spelling, when there is one.
    var field: String? { get }
    /// What is wrong, phrased for the client.
    var message: String { get }
}

/// The kinds of rule a request can break.
public enum RuleViolationKind: Sendable {
    /// The request is fine but the state does not allow it (an invalid transition, a closed
    /// period): 409.
    case conflict
    /// The request is well-formed but its parts do not fit together (weights not summing to 100): 422.
    case unprocessable
    /// A field's value is not acceptable: 400 naming the field.
    case invalid
}

extension Problem {
    /// The problem a broken rule answers with (see ``RuleViolationKind``).
    public static func rule(_ violation: any RuleViolation) -> Problem {
        let fieldError = FieldError(field: violation.field ?? "body", message: violation.message)
        switch violation.kind {
        case .conflict: return .conflict(violation.message)
        case .unprocessable: return .unprocessable(violation.message, errors: [fieldError])
        case .invalid: return .validation([fieldError])
        }
    }

    /// Every broken rule of a request at once: one violation answers as ``rule(_:)``, several as one 400.
    public static func rules(_ violations: [any RuleViolation]) -> Problem {
        if violations.count == 1 { return rule(violations[0]) }
        return .validation(violations.map { FieldError(field: $0.field ?? "body", message: $0.message) })
    }
}
