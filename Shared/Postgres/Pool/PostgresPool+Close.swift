import Logging
import NIOPosix
import Synchronization

extension PostgresPool {
    /// Closes the pool: new requests and current waiters fail with ``PostgresError/Code/closed``,
    /// listeners end, idle connections close, and this waits until every connection in use has been
    /// returned and closed before stopping the pool's threads. Idempotent.
    public func close() async {
        let (idle, waiters, listeners, mustShutDown) = state.withLock { state in
            let first = !state.isClosed
            state.isClosed = true
            let idle = state.idle.map(\.connection)
            state.idle = []
            state.open -= idle.count
            let waiters = state.waiters
            state.waiters = []
            let listeners = Array(state.listeners.values)
            state.listeners = [:]
            return (idle, waiters, listeners, first)
        }
        for waiter in waiters {
            waiter.timer.cancel()
            waiter.continuation.resume(throwing: PostgresError(code: .closed, message: "the database pool is closed"))
        }
        listeners.forEach { $0.stop() }
        for connection in idle { await connection.close() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.open == 0 { return true }
                state.drained.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        if mustShutDown {
            do {
                try await threadPool.shutdownGracefully()
            } catch {
                logger.debug("postgres thread pool shutdown", metadata: ["error": "\(error)"])
            }
            logger.debug("postgres pool closed")
        }
    }
}
