import Foundation

/// One audited change: who did what, when, and each field's value before and after.
public struct AuditRecord: Sendable, Equatable, Codable {
    /// One field that changed; values are JSON text (`"\"draft\""`, `"40.00"`, nil when absent).
    public struct Change: Sendable, Equatable, Codable {
        /// The column's name.
        public var field: String
        /// Its value before, as JSON text; nil when the record did not exist or had no such field.
        public var before: String?
        /// Its value after, as JSON text; nil when the record was deleted.
        public var after: String?

        /// Creates a change.
        public init(field: String, before: String? = nil, after: String? = nil) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    /// The entry's id: increasing in the order entries were written; a page cursor.
    public var auditID: Int64
    /// Who acted, as ``Audit/identify(actor:action:on:)`` named them.
    public var actorID: String
    /// What they did, e.g. `create`, `update`, `approve`, `metric-reading`.
    public var action: String
    /// When the transaction wrote it.
    public var at: Date
    /// The fields that changed.
    public var changes: [Change]

    /// Creates an entry.
    public init(auditID: Int64, actorID: String, action: String, at: Date, changes: [Change]) {
        self.auditID = auditID
        self.actorID = actorID
        self.action = action
        self.at = at
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case auditID = "audit_id"
        case actorID = "actor_id"
        case action
        case at
        case changes
    }

    /// The changes as the trail's SQL aggregates them: `[{"field": …, "before": <json>, "after": <json>}]`.
    static func changes(fromJSON text: String) throws -> [Change] {
        try JSONDecoder().decode([RawChange].self, from: Data(text.utf8)).map {
            Change(field: $0.field, before: $0.before?.text, after: $0.after?.text)
        }
    }
}

/// A change as the SQL builds it; values are arbitrary JSON, kept as text.
private struct RawChange: Decodable {
    var field: String
    var before: JSONText?
    var after: JSONText?
}

/// Any JSON value, re-serialised to compact text with sorted keys.
private struct JSONText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = String(decoding: try JSONEncoder().encode(string), as: UTF8.self)
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let number = try? container.decode(Decimal.self) {
            text = "\(number)"
        } else if let object = try? container.decode([String: JSONText].self) {
            text = "{" + object.keys.sorted().map { key in
                String(decoding: (try? JSONEncoder().encode(key)) ?? Data(), as: UTF8.self) + ":" + object[key]!.text
            }.joined(separator: ",") + "}"
        } else if let array = try? container.decode([JSONText].self) {
            text = "[" + array.map(\.text).joined(separator: ",") + "]"
        } else {
            text = "null"
        }
    }
}
