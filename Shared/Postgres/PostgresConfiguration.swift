import Foundation

/// Where and how to connect to PostgreSQL, parsed from a `postgres://` URL.
///
/// The URL is handed to libpq unchanged, so every libpq parameter works as a query item
/// (`sslmode`, `sslrootcert`, `target_session_attrs`, …); ``connectTimeout`` and
/// ``applicationName`` are read from it and can be overridden.
public struct PostgresConfiguration: Sendable {
    /// The original URL, password included; never log it (use ``redactedURL``).
    public var url: String
    /// How long a connection attempt may take before it fails with ``PostgresError/Code/connection``.
    /// libpq counts whole seconds with a minimum of 2; the default is 10 seconds (or `connect_timeout`
    /// from the URL).
    public var connectTimeout: Duration
    /// Shown in `pg_stat_activity.application_name`; default `stride` (or `application_name` from the URL).
    public var applicationName: String
    /// Which statements connections prepare on the server; ``PreparedStatementPolicy/never`` behind
    /// a transaction-mode pooler. Default ``PreparedStatementPolicy/automatic``.
    public var preparedStatements: PreparedStatementPolicy = .automatic
    /// Server host from the URL (empty when libpq's default is used).
    public var host: String
    /// Server port from the URL (5432 when absent).
    public var port: Int
    /// Database name from the URL (empty when libpq's default is used).
    public var database: String
    /// User name from the URL (empty when libpq's default is used).
    public var user: String
    /// The URL's own `options` parameter, kept so the session settings add to it instead of replacing it.
    var urlOptions: String?

    /// Parses a connection URL.
    /// - Parameter url: `postgres://user:password@host:port/database?sslmode=…&application_name=…`
    ///   (`postgresql://` works too).
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/configuration`` when the URL is not a
    ///   PostgreSQL URL.
    public init(url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw PostgresError(code: .configuration, message: "DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        self.url = url
        self.host = components.host ?? ""
        self.port = components.port ?? 5432
        self.database = String(components.path.drop(while: { $0 == "/" }))
        self.user = components.user ?? ""
        self.applicationName = query["application_name"] ?? "stride"
        self.urlOptions = query["options"]
        if let text = query["connect_timeout"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw PostgresError(code: .configuration, message: "connect_timeout must be whole seconds, got '\(text)'")
            }
            self.connectTimeout = .seconds(seconds)
        } else {
            self.connectTimeout = .seconds(10)
        }
    }

    /// The URL without its password, for logs.
    public var redactedURL: String {
        guard var components = URLComponents(string: url) else { return "postgres://?" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://?"
    }

    /// Whole seconds for libpq's `connect_timeout` (rounded up, at least 2 as libpq requires).
    var connectTimeoutSeconds: Int {
        let (seconds, attoseconds) = connectTimeout.components
        return max(2, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
