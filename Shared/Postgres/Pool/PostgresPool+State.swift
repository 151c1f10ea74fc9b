/// The pool's bookkeeping, only touched under the pool's mutex. Methods decide; the pool performs
/// the side effects (resuming waiters, opening and closing connections) after unlocking.
struct PostgresPoolState {
    /// What a waiting `acquire` is given.
    enum Grant: Sendable {
        /// An idle connection to use, and since when it was idle.
        case connection(PostgresConnection, idleSince: ContinuousClock.Instant)
        /// A reserved slot: the waiter opens a new connection itself.
        case openSlot
    }

    struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Grant, any Error>
        let timer: Task<Void, Never>
    }

    struct IdleConnection {
        let connection: PostgresConnection
        let since: ContinuousClock.Instant
    }

    let maxConnections: Int
    /// Connections that exist or are being opened (idle + leased + connecting).
    var open = 0
    /// Most recently used last, so the warmest connection is reused first.
    var idle: [IdleConnection] = []
    /// First come, first served.
    var waiters: [Waiter] = []
    var isClosed = false
    var nextID = 0
    var listeners: [Int: PostgresListener] = [:]
    var drained: [CheckedContinuation<Void, Never>] = []

    init(maxConnections: Int) { self.maxConnections = maxConnections }

    mutating func makeID() -> Int {
        nextID += 1
        return nextID
    }

    /// Connections handed out or being opened right now.
    var busy: Int { open - idle.count }

    /// An idle connection or a free slot, without waiting; nil when the caller must wait.
    mutating func grantImmediately() -> Grant? {
        if let entry = idle.popLast() { return .connection(entry.connection, idleSince: entry.since) }
        if open < maxConnections {
            open += 1
            return .openSlot
        }
        return nil
    }

    mutating func removeWaiter(_ id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }

    /// A connection came back healthy: the first waiter gets it, or it goes idle.
    mutating func returned(_ connection: PostgresConnection) -> Waiter? {
        if !waiters.isEmpty { return waiters.removeFirst() }
        idle.append(IdleConnection(connection: connection, since: .now))
        return nil
    }

    /// A slot was freed (connection discarded or failed to open): the first waiter may open one.
    mutating func slotFreed() -> (waiter: Waiter?, drained: [CheckedContinuation<Void, Never>]) {
        open -= 1
        if !isClosed, !waiters.isEmpty {
            open += 1
            return (waiters.removeFirst(), [])
        }
        if isClosed, open == 0 {
            defer { drained = [] }
            return (nil, drained)
        }
        return (nil, [])
    }
}
