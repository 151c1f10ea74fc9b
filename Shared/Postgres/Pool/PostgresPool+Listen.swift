import Foundation
import Logging
import Synchronization

extension PostgresPool {
    /// Subscribes to `NOTIFY` messages on `channel`, on a dedicated connection outside the pool.
    ///
    /// Returns once `LISTEN` is active, so a notification sent after this returns is delivered.
    /// The connection is watched by its own thread (`poll(2)` with a short timeout); when it drops,
    /// the listener reconnects with exponential backoff (100 ms up to 5 s) and listens again.
    /// Notifications sent while it was disconnected are lost, so treat them as a doorbell and
    /// re-read state after a reconnect; at most 10,000 unread notifications are buffered (the
    /// newest are kept).
    /// - Parameter channel: the channel name, exactly as passed to `pg_notify` (case-sensitive).
    /// - Returns: the notifications; the sequence ends when the consuming task is cancelled, the
    ///   iterator is dropped, or the pool is closed.
    /// - Throws: `.connection` when the first connection or `LISTEN` fails, `.closed` after ``close()``.
    public func listen(_ channel: String) async throws -> PostgresNotifications {
        let (stream, continuation) = AsyncThrowingStream<PostgresNotification, any Error>.makeStream(
            bufferingPolicy: .bufferingNewest(10_000))
        var listenerLogger = logger
        listenerLogger[metadataKey: "postgres.channel"] = "\(channel)"
        let listener = PostgresListener(
            channel: channel, configuration: configuration, continuation: continuation, logger: listenerLogger)
        let registered: Int? = state.withLock { state in
            guard !state.isClosed else { return nil }
            let id = state.makeID()
            state.listeners[id] = listener
            return id
        }
        guard let id = registered else { throw PostgresError(code: .closed, message: "the database pool is closed") }
        continuation.onTermination = { [weak self] _ in
            listener.stop()
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        try await listener.start()
        return PostgresNotifications(stream: stream)
    }

    /// Sends a notification on `channel` (`pg_notify`), delivered when the current transaction
    /// commits (immediately outside a transaction).
    /// - Throws: as ``execute(_:)``.
    public func notify(_ channel: String, payload: String = "") async throws {
        try await execute("SELECT pg_notify(\(channel)::text, \(payload)::text)")
    }
}
