/// A role a caller holds in Stride, carried in the bearer token's `roles` claim.
///
/// Roles are coarse; the finer rules (an employee sees their own records, a manager their
/// reporting line) are decided by each service against the org directory.
public enum Role: String, Codable, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Any employee: sees and edits their own records.
    case employee
    /// A people manager: additionally sees their reporting line.
    case manager
    /// Human resources: sees everything, runs cycles, calibrates, approves compensation.
    case hr
    /// Administrator: everything HR can do plus operations (DLQ replay, configuration).
    case admin
    /// Another system (a service token), e.g. an HRIS integration or a payroll adapter.
    case service

    public var description: String { self.rawValue }
}
