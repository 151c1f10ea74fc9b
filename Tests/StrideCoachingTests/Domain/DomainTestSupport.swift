import StrideCoaching
import StrideContracts
import StrideRuntime

/// A date from `YYYY-MM-DD`; traps on a typo in a test.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// The violation `body` throws, or `nil` when it succeeds (or throws anything else, which the
/// domain never does: its methods throw ``CoachingRuleViolation`` only).
func caught(_ body: () throws -> Void) -> CoachingRuleViolation? {
    do {
        try body()
        return nil
    } catch {
        return error as? CoachingRuleViolation
    }
}

extension CoachingRuleViolation {
    /// The kind's name, `conflict`, `unprocessable` or `invalid` (the kind is not `Equatable`).
    var kindName: String { "\(kind)" }
}

/// Whether `violations` holds one of `kind` on `field`.
func contains(_ violations: [CoachingRuleViolation], _ kind: String, _ field: String?) -> Bool {
    violations.contains { $0.kindName == kind && $0.field == field }
}

/// The `kind:field` of each violation, for exact comparisons.
func summary(_ violations: [CoachingRuleViolation]) -> [String] {
    violations.map { "\($0.kindName):\($0.field ?? "-")" }
}
