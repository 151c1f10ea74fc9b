import Foundation

/// A SQL statement with its parameters, written as an interpolated string:
///
/// ```swift
/// let rows = try await pool.query("SELECT name FROM \(unescaped: schema).employee WHERE id = \(id)")
/// ```
///
/// Every `\(value)` becomes a `$n` parameter sent separately from the SQL text (`PQexecParams`), so
/// values can never change the statement; interpolating an `Optional` binds `NULL` for `nil`.
/// Raw text enters the SQL only through `\(unescaped:)`, which is for trusted identifiers such as
/// a schema name from configuration, never for user input.
public struct PostgresQuery: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// The statement text with `$1…$n` placeholders.
    public var sql: String
    /// The parameters, in placeholder order.
    public var binds: [PostgresBind]
    /// Whether each connection prepares the statement once (`PQprepare`) and runs it with
    /// `PQexecPrepared` from then on, so the server parses and plans it only once per session.
    /// Mark the statements a hot path runs many times with the same SQL text; see ``prepared()``.
    /// Unmarked statements are prepared too once the same text has run three times on a
    /// connection (up to 256 statements per connection), as pgjdbc's `prepareThreshold` does.
    public var isPrepared = false
    /// A value that failed to encode; the statement throws it instead of running.
    var encodingError: PostgresError?

    /// Why the statement cannot be sent at all (a value failed to encode, or a parameter holds a
    /// NUL character, which PostgreSQL text cannot store), checked before anything reaches the
    /// server; nil when it can be sent.
    var boundaryError: PostgresError? {
        if let encodingError { return encodingError }
        for (index, bind) in binds.enumerated() {
            guard var text = bind.text else { continue }
            if text.withUTF8({ $0.contains(0) }) {
                return PostgresError(code: .query, message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot store")
            }
        }
        return nil
    }

    /// Creates a query from SQL that already uses `$n` placeholders.
    /// - Parameters:
    ///   - unsafeSQL: trusted SQL text; never build it from user input.
    ///   - binds: the parameters for `$1…$n`.
    public init(unsafeSQL: String, binds: [PostgresBind] = []) {
        self.sql = unsafeSQL
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
        self.encodingError = stringInterpolation.encodingError
    }

    /// This statement, marked to be prepared once per connection (see ``isPrepared``).
    ///
    /// ```swift
    /// try await connection.execute(("UPDATE s.goal SET … WHERE id = \(id)" as PostgresQuery).prepared())
    /// ```
    /// - Important: only for SQL whose text repeats (parameters, not interpolated text, carry the
    ///   values): every distinct text is prepared, and kept, on every connection that runs it.
    public func prepared() -> PostgresQuery {
        var query = self
        query.isPrepared = true
        return query
    }

    /// The SQL text only; parameter values are never included (they may be personal data).
    public var description: String { sql }

    /// Builds a ``PostgresQuery`` from an interpolated string literal.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql = ""
        var binds: [PostgresBind] = []
        var encodingError: PostgresError?

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a parameter placeholder (`$n`) bound to `value`; `nil` binds `NULL`.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            appendBind(value)
        }

        private mutating func appendBind(_ value: some PostgresEncodable) {
            do {
                binds.append(try PostgresBind(value))
            } catch {
                binds.append(PostgresBind(text: nil))
                encodingError = encodingError
                    ?? PostgresError(code: .query, message: "parameter $\(binds.count) could not be encoded: \(error)")
            }
            sql += "$\(binds.count)"
        }

        /// Appends a parameter placeholder bound to `value`, or to `NULL` when it is `nil`.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            appendBind(value)
        }

        /// Appends a parameter for a value whose type is only known at run time.
        public mutating func appendInterpolation(bind value: (any PostgresEncodable)?) {
            guard let value else {
                binds.append(PostgresBind(text: nil))
                sql += "$\(binds.count)"
                return
            }
            appendBind(value)
        }

        /// Appends a prepared ``PostgresBind`` as a parameter.
        public mutating func appendInterpolation(_ bind: PostgresBind) {
            binds.append(bind)
            sql += "$\(binds.count)"
        }

        /// Appends `text` to the SQL verbatim.
        /// - Important: only for trusted text such as identifiers from configuration; anything
        ///   that comes from a user must be a parameter (`\(value)`).
        public mutating func appendInterpolation(unescaped text: String) {
            sql += text
        }

        /// Appends `name` as a double-quoted SQL identifier (embedded quotes doubled), so any
        /// name is safe to use as a table, column or schema name.
        public mutating func appendInterpolation(identifier name: String) {
            sql += PostgresQuery.quoteIdentifier(name)
        }
    }

    /// `name` as a double-quoted identifier: `my "table"` -> `"my ""table"""`.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
