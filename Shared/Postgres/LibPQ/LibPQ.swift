import CLibPQ
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that calls libpq. Every function here blocks and must run on a thread-pool
/// thread or a dedicated thread, never on Swift's cooperative pool, and the caller must be the
/// only thread using the `PGconn` (``PostgresConnection`` guarantees that with a mutex).
enum LibPQ {
    /// Opens a connection with the session settings every Stride connection relies on.
    /// - Returns: a `PGconn` in `CONNECTION_OK` state, owned by the caller (`finish` it).
    /// - Throws: ``PostgresError/Code/connection`` with libpq's text; bounded by `connect_timeout`.
    static func connect(_ configuration: PostgresConfiguration, notices: NoticeSink?) throws -> OpaquePointer {
        let settings = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c bytea_output=hex -c client_min_messages=notice"
        let parameters: [(String, String)] = [
            ("dbname", configuration.url),  // expanded: the URL's own parameters, then ours override
            ("connect_timeout", String(configuration.connectTimeoutSeconds)),
            ("application_name", configuration.applicationName),
            ("options", configuration.urlOptions.map { $0 + " " + settings } ?? settings),
            ("client_encoding", "UTF8"),
            ("keepalives", "1"),
            ("keepalives_idle", "30"),
            ("keepalives_interval", "10"),
            ("keepalives_count", "3"),
        ]
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let connection: OpaquePointer? = (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keys in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { vals in
                PQconnectdbParams(keys.baseAddress, vals.baseAddress, 1)
            }
        }
        guard let connection else {
            throw PostgresError(code: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = errorMessage(connection)
            PQfinish(connection)
            throw PostgresError(code: .connection, message: "cannot connect to \(configuration.redactedURL): \(message)")
        }
        if let notices {
            PQsetNoticeReceiver(connection, { context, result in
                guard let context, let result else { return }
                let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
                sink.receive(String(cString: PQresultErrorMessage(result)))
            }, Unmanaged.passUnretained(notices).toOpaque())
        }
        return connection
    }

    /// Closes the connection and frees it.
    static func finish(_ connection: OpaquePointer) {
        PQfinish(connection)
    }

    /// libpq's current error text for the connection, trimmed.
    static func errorMessage(_ connection: OpaquePointer) -> String {
        guard let text = PQerrorMessage(connection) else { return "unknown libpq error" }
        return String(cString: text).trimmingTrailingWhitespace()
    }

    /// Whether a connection is fit to hand out again: open, not inside a transaction, and (checked
    /// without blocking) not closed by the server while it sat idle.
    static func isReusable(_ connection: OpaquePointer) -> Bool {
        guard PQstatus(connection) == CONNECTION_OK, PQtransactionStatus(connection) == PQTRANS_IDLE else { return false }
        // An idle pooled session is sent nothing (it never LISTENs); readable means the server
        // announced a termination (57P01, 57P02) or hung up, and libpq only notices on the next query.
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) != 0 { return false }
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Whether the connection is inside a transaction block (possibly a failed one).
    static func isInTransaction(_ connection: OpaquePointer) -> Bool {
        let status = PQtransactionStatus(connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }
}

/// Receives server notices (`NOTICE: schema … already exists, skipping`) and logs them at debug
/// level instead of libpq's default of printing to stderr.
final class NoticeSink: Sendable {
    let logger: Logger
    init(logger: Logger) { self.logger = logger }
    func receive(_ text: String) {
        logger.debug("postgres notice", metadata: ["postgres.notice": "\(text.trimmingTrailingWhitespace())"])
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
