/// Who is making a request: the verified identity from the bearer token.
///
/// `subject` is the employee id for people and the service name for service tokens.
public struct Principal: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The employee id (for people) or the service name (for service tokens): the token's `sub`.
    public var subject: String
    /// The roles granted by the token. Unknown role names in a token are ignored.
    public var roles: Set<Role>
    /// A display name, when the token carries one.
    public var name: String?

    /// Creates a principal.
    /// - Parameters:
    ///   - subject: Employee id or service name.
    ///   - roles: Granted roles.
    ///   - name: Optional display name.
    public init(subject: String, roles: Set<Role>, name: String? = nil) {
        self.subject = subject
        self.roles = roles
        self.name = name
    }

    /// Whether the principal holds `role`.
    public func has(_ role: Role) -> Bool { self.roles.contains(role) }

    /// Whether the principal holds at least one of `roles`.
    public func hasAny(of roles: Set<Role>) -> Bool { !self.roles.isDisjoint(with: roles) }

    /// HR or admin: may see and act on every employee's records.
    public var isHR: Bool { self.hasAny(of: [.hr, .admin]) }
    /// Administrator.
    public var isAdmin: Bool { self.has(.admin) }
    /// A people manager.
    public var isManager: Bool { self.has(.manager) }
    /// A service token (another system), not a person.
    public var isService: Bool { self.has(.service) }

    /// Whether this principal is the person identified by `employeeID`.
    public func isSelf(_ employeeID: String) -> Bool { self.subject == employeeID }

    public var description: String {
        "\(self.subject) [\(self.roles.map(\.rawValue).sorted().joined(separator: ","))]"
    }
}
