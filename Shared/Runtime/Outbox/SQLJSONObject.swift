/// A JSON object written by a SQL expression that concatenates text, for bulk steps that build
/// their events' payloads in the statement that writes them (``OutboxSQL``).
///
/// PostgreSQL's `json_build_object` costs about twice as much per row as concatenating the same
/// text (measured on 300,000 rows: 1.7 s against 0.8 s), and a bulk step builds hundreds of
/// thousands of payloads. The result is compact JSON (`{"a":1,"b":"x"}`), in the members' order —
/// the bytes `json_strip_nulls(json_build_object(…))` prints.
///
/// Every member's value is a SQL expression, spelled by its ``Value`` so that it is escaped only
/// when it can hold characters JSON must escape. A required member whose expression is `NULL`
/// writes `null` (as `json_build_object` does); an optional one is left out (as
/// `json_strip_nulls` does).
public struct SQLJSONObject: Sendable {
    /// How a member's SQL expression becomes its JSON value.
    public enum Value: Sendable {
        /// Any text: escaped as JSON (`to_json`).
        case string(String)
        /// Text that holds no quote, backslash or control character — a uuid, a date, a decimal's
        /// digits, an ISO code — quoted as it is.
        case plainString(String)
        /// A number (its text as PostgreSQL prints it).
        case number(String)
        /// JSON text, e.g. a nested ``SQLJSONObject``'s ``sql``.
        case json(String)

        /// The value's JSON text as a SQL expression; `NULL` when the expression is.
        public var sql: String {
            switch self {
            case .string(let expression): "to_json((\(expression))::text)::text"
            case .plainString(let expression): "('\"' || (\(expression)) || '\"')"
            case .number(let expression): "((\(expression))::text)"
            case .json(let expression): "(\(expression))"
            }
        }
    }

    /// One member: its key (snake_case, as the contracts spell them), its value, and whether it is
    /// left out when its value is `NULL`.
    public struct Member: Sendable {
        public var key: String
        public var value: Value
        public var optional: Bool

        public init(_ key: String, _ value: Value, optional: Bool = false) {
            precondition(key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) },
                         "a member key is snake_case ASCII")
            self.key = key
            self.value = value
            self.optional = optional
        }
    }

    /// The SQL expression (of type `text`) that builds the object.
    public let sql: String

    /// - Precondition: the first member is required (it opens the object without a comma).
    public init(_ members: [Member]) {
        precondition(members.first.map { !$0.optional } ?? true, "the first member of a SQL JSON object is required")
        var parts: [String] = []
        for (index, member) in members.enumerated() {
            let name = OutboxSQL.literal((index == 0 ? "{" : ",") + "\"\(member.key)\":")
            parts.append(member.optional
                ? "coalesce(\(name) || \(member.value.sql), '')"
                : "\(name) || coalesce(\(member.value.sql), 'null')")
        }
        parts.append(members.isEmpty ? "'{}'" : "'}'")
        sql = "(" + parts.joined(separator: " || ") + ")"
    }
}
