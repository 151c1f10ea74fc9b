extension Principal {
    /// Requires at least one of `roles`.
    ///
    /// ```swift
    /// try context.requirePrincipal().require(anyOf: [.hr, .admin])
    /// ```
    /// - Parameter roles: Acceptable roles.
    /// - Throws: ``Problem/forbidden(_:)`` (403) naming the roles that would have been accepted.
    public func require(anyOf roles: Set<Role>) throws(Problem) {
        guard self.hasAny(of: roles) else {
            let names = roles.map(\.rawValue).sorted().joined(separator: ", ")
            throw Problem.forbidden("This action requires one of the roles: \(names).")
        }
    }

    /// Requires that the principal is the employee `employeeID` or holds one of `roles`:
    /// the usual "your own records, or HR" rule.
    /// - Parameters:
    ///   - employeeID: The employee the records belong to.
    ///   - roles: Roles that may act on anyone's records (e.g. `[.hr, .admin]`).
    /// - Throws: ``Problem/forbidden(_:)`` (403).
    public func require(subject employeeID: String, orAnyOf roles: Set<Role>) throws(Problem) {
        guard self.isSelf(employeeID) || self.hasAny(of: roles) else {
            throw Problem.forbidden("You may only act on your own records.")
        }
    }
}
