import Foundation

/// One audited change: who did what, when, and each field's value before and after.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// One field that changed; values are JSON text (`"\"draft\""`, `"40.00"`, `null` when absent).
    public struct Change: Sendable, Equatable, Codable {
        public var field: String
        public var before: String?
        public var after: String?
    }

    public var auditID: Int64
    public var actorID: String
    /// e.g. `create`, `update`, `submit`, `approve`, `return`, `progress`, `metric-reading`.
    public var action: String
    public var at: Date
    public var changes: [Change]

    enum CodingKeys: String, CodingKey {
        case auditID = "audit_id"
        case actorID = "actor_id"
        case action
        case at
        case changes
    }
}
