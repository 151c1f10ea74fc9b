import Synchronization

/// Guards a librdkafka handle's lifetime: callers take a lease around each use, and close waits
/// until every lease is returned before the handle is destroyed, so no call ever sees a freed handle.
final class ClientLifecycle: Sendable {
    private struct State {
        var closed = false
        var leases = 0
    }

    private let state = Mutex(State())

    /// Takes a lease; `false` once the client is closing, and then the handle must not be used.
    func acquire() -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.leases += 1
            return true
        }
    }

    /// Returns a lease taken with ``acquire()``.
    func release() {
        state.withLock { $0.leases -= 1 }
    }

    /// Whether ``beginClose()`` has been called.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Starts closing: refuses new leases. `false` when another caller already started, and then
    /// this caller has nothing to do (close is idempotent).
    func beginClose() -> Bool {
        state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
    }

    /// Waits (without blocking a thread) until every lease has been returned.
    func waitForLeases() async {
        while state.withLock({ $0.leases }) > 0 {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }
}
