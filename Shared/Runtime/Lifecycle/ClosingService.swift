import ServiceLifecycle

/// Holds shared clients (the database pool, the Kafka producer) open while the rest of the
/// service group runs, and closes them when the group shuts down.
///
/// - Important: put it **first** in the service group: groups stop in reverse order, so it
///   closes last, after the HTTP server, consumers and relay have finished with the clients.
public struct ClosingService: Service {
    private let name: String
    private let close: @Sendable () async -> Void

    /// - Parameters:
    ///   - name: what is closed, for logs.
    ///   - close: flushes and releases the clients; runs once.
    public init(name: String, close: @escaping @Sendable () async -> Void) {
        self.name = name
        self.close = close
    }

    public func run() async throws {
        // Returns when the group shuts down gracefully, throws when it is cancelled: close either way.
        try? await gracefulShutdown()
        await close()
    }
}
