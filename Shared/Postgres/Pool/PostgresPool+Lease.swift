import Logging
import Synchronization

extension PostgresPool {
    /// Takes a connection: an idle one, a new one while under the limit, or the next one returned
    /// (first come, first served) within ``acquireTimeout``.
    func acquire() async throws -> PostgresConnection {
        switch try await nextGrant() {
        case .connection(let connection, let idleSince):
            if await isHealthy(connection, idleSince: idleSince) { return connection }
            logger.debug("discarding a broken idle postgres connection", metadata: ["postgres.connection_id": "\(connection.id)"])
            await connection.close()
            // Keep the slot and open a replacement in its place.
            return try await openInReservedSlot()
        case .openSlot:
            return try await openInReservedSlot()
        }
    }

    /// Gives a connection back: to the first waiter, to the idle list, or closed when broken.
    func release(_ connection: PostgresConnection) async {
        if connection.isInTransaction {
            do {
                try await connection.rollback()
            } catch {
                logger.debug("rollback before reuse failed", metadata: ["error": "\(error)"])
            }
        }
        let reusable = connection.isReusable
        enum Action { case handOver(PostgresPoolState.Waiter), keep, discard(PostgresPoolState.Waiter?, [CheckedContinuation<Void, Never>]) }
        let action: Action = state.withLock { state in
            if reusable, !state.isClosed {
                return state.returned(connection).map(Action.handOver) ?? .keep
            }
            let (waiter, drained) = state.slotFreed()
            return .discard(waiter, drained)
        }
        switch action {
        case .keep:
            break
        case .handOver(let waiter):
            waiter.timer.cancel()
            waiter.continuation.resume(returning: .connection(connection, idleSince: .now))
        case .discard(let waiter, let drained):
            await connection.close()
            if let waiter {
                waiter.timer.cancel()
                waiter.continuation.resume(returning: .openSlot)
            }
            drained.forEach { $0.resume() }
        }
    }

    private func openInReservedSlot() async throws -> PostgresConnection {
        do {
            return try await makeConnection()
        } catch {
            let (waiter, drained) = state.withLock { $0.slotFreed() }
            if let waiter {
                waiter.timer.cancel()
                waiter.continuation.resume(returning: .openSlot)
            }
            drained.forEach { $0.resume() }
            throw error
        }
    }

    /// A quick non-blocking check, plus a `SELECT 1` when the connection sat idle a long time
    /// (a silent network drop is only noticed by talking).
    private func isHealthy(_ connection: PostgresConnection, idleSince: ContinuousClock.Instant) async -> Bool {
        guard connection.isReusable else { return false }
        guard ContinuousClock.now - idleSince > Self.idlePingInterval else { return true }
        do {
            try await connection.executeScript("SELECT 1")
            return true
        } catch {
            return false
        }
    }

    private func nextGrant() async throws -> PostgresPoolState.Grant {
        let id = state.withLock { $0.makeID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PostgresPoolState.Grant, any Error>) in
                let immediate: Result<PostgresPoolState.Grant, any Error>? = state.withLock { state in
                    if state.isClosed { return .failure(PostgresError(code: .closed, message: "the database pool is closed")) }
                    if let grant = state.grantImmediately() { return .success(grant) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    let timer = Task { [acquireTimeout] in
                        try? await Task.sleep(for: acquireTimeout)
                        guard !Task.isCancelled else { return }
                        self.timeOut(waiter: id)
                    }
                    state.waiters.append(.init(id: id, continuation: continuation, timer: timer))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            if let waiter = state.withLock({ $0.removeWaiter(id) }) {
                waiter.timer.cancel()
                waiter.continuation.resume(throwing: CancellationError())
            }
        }
    }

    private func timeOut(waiter id: Int) {
        let found = state.withLock { state in state.removeWaiter(id).map { ($0, state.busy, state.waiters.count) } }
        guard let (waiter, busy, waiting) = found else { return }
        logger.warning("postgres pool exhausted", metadata: ["postgres.busy": "\(busy)", "postgres.waiting": "\(waiting)"])
        waiter.continuation.resume(throwing: PostgresError(
            code: .poolTimeout,
            message: "no database connection became free within \(acquireTimeout): all \(busy) of \(maxConnections) "
                + "connections are busy (\(waiting) other callers waiting); raise maxConnections or shorten transactions"))
    }
}
