/// An error from StridePostgres: what went wrong, PostgreSQL's SQLSTATE and text when the server
/// sent them, and the column when decoding failed.
///
/// ``description`` is safe to show a user: it holds the server's message and detail but never the
/// connection password or bound parameter values.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is. Compare with the static members (`error.code == .poolTimeout`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// Stable name used in logs and descriptions.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The server is unreachable, refused us, or the connection broke mid-query.
        public static let connection = Code("connection")
        /// The server rejected a statement (syntax, constraint, serialization failure, …).
        public static let query = Code("query")
        /// No connection became free within the pool's acquire timeout.
        public static let poolTimeout = Code("poolTimeout")
        /// A column's value could not be decoded into the requested Swift type.
        public static let decoding = Code("decoding")
        /// A migration failed or an applied migration was changed.
        public static let migration = Code("migration")
        /// The pool or connection was closed.
        public static let closed = Code("closed")
        /// A `COPY … FROM STDIN` failed.
        public static let copy = Code("copy")
        /// The connection URL or settings are invalid.
        public static let configuration = Code("configuration")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public var code: Code
    /// PostgreSQL's five-character SQLSTATE (for example `23505`), when the server sent one.
    public var sqlState: String?
    /// The primary message: libpq's or the server's text, or ours.
    public var message: String
    /// The server's DETAIL line, when it sent one.
    public var detail: String?
    /// The column being decoded, for ``Code/decoding`` errors.
    public var column: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: a message safe to show to users.
    ///   - sqlState: the SQLSTATE, if any.
    ///   - detail: the server's detail text, if any.
    ///   - column: the column being decoded, if any.
    public init(code: Code, message: String, sqlState: String? = nil, detail: String? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.column = column
    }

    /// True for `40001` serialization_failure and `40P01` deadlock_detected, and for a prepared
    /// statement the server dropped or whose plan DDL invalidated (it is prepared again): running
    /// the whole transaction again is expected to succeed.
    public var isRetryableTransactionFailure: Bool {
        sqlState == "40001" || sqlState == "40P01" || invalidatesPreparedStatement
    }

    /// True for `23505` unique_violation.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// True for `23503` foreign_key_violation.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }

    /// True for `23514` check_violation.
    public var isCheckViolation: Bool { sqlState == "23514" }

    /// True when the database, not the statement, is the problem: it is unreachable, the connection
    /// broke, the pool had no free connection in time or was closed, or the server is shutting
    /// down, starting up or out of connections (SQLSTATE class `08`, `57P01`–`57P03`, `53300`).
    /// Retrying later is expected to succeed; an HTTP caller should get 503, a consumer should wait.
    public var isUnavailable: Bool {
        if code == .connection || code == .poolTimeout || code == .closed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(sqlState)
    }

    /// True for `57014` query_canceled (statement timeout or cancel request).
    public var isQueryCanceled: Bool { sqlState == "57014" }

    public var description: String {
        var text = "PostgreSQL \(code) error"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail, !detail.isEmpty { text += " (detail: \(detail))" }
        return text
    }
}
