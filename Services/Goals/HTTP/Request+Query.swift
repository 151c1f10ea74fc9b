import Hummingbird
import StrideContracts
import StrideRuntime

extension Request {
    /// A query parameter, or nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// A query parameter that must be one of `T`'s raw values.
    /// - Throws: 400 naming the parameter and the accepted values.
    func query<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(Problem) -> T? where T.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.validation(field: name, "Use one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return value
    }

    /// A `true`/`false` query parameter.
    func queryBool(_ name: String) throws(Problem) -> Bool? {
        switch query(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw Problem.validation(field: name, "Use true or false.")
        }
    }

    /// The goal filters of a list request.
    func goalFilter() throws(Problem) -> GoalFilter {
        GoalFilter(
            periodID: query("period_id"), ownerID: query("owner_id"), status: try query("status", as: GoalStatus.self),
            level: try query("level", as: GoalLevel.self), atRisk: try queryBool("at_risk"),
            needsReassignment: try queryBool("needs_reassignment"), parentGoalID: query("parent_goal_id"))
    }
}
