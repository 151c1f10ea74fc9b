import ServiceLifecycle
import Synchronization

/// Waits for `operation` until it finishes, `limit` passes, or (when `untilShutdown`) graceful
/// shutdown begins, whichever comes first: how a service keeps every wait bounded by its
/// shutdown grace even around calls that cannot be interrupted (a Kafka delivery waiting for its
/// report, a consumer leaving its group while the broker is away).
///
/// - Returns: the operation's result, or `nil` when the wait was abandoned. An abandoned
///   operation keeps running unobserved until it ends by itself (e.g. when its client closes).
func abandonableWait<T: Sendable>(
    limit: Duration? = nil, untilShutdown: Bool = false, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    let (stream, continuation) = AsyncStream<T?>.makeStream()
    let first = FirstOutcome(continuation)
    let work = Task { first.offer(await operation()) }
    _ = work
    let timer = limit.map { limit in
        Task {
            try? await Task.sleep(for: limit)
            if !Task.isCancelled { first.offer(nil) }
        }
    }
    defer { timer?.cancel() }
    let wait = { () async -> T? in
        for await outcome in stream { return outcome }
        return nil
    }
    guard untilShutdown else { return await wait() }
    return await withGracefulShutdownHandler {
        await wait()
    } onGracefulShutdown: {
        first.offer(nil)
    }
}

/// Delivers the first outcome offered and drops the rest.
private final class FirstOutcome<T: Sendable>: Sendable {
    private let continuation: AsyncStream<T?>.Continuation
    private let delivered = Atomic<Bool>(false)

    init(_ continuation: AsyncStream<T?>.Continuation) {
        self.continuation = continuation
    }

    func offer(_ outcome: T?) {
        guard !delivered.exchange(true, ordering: .acquiringAndReleasing) else { return }
        continuation.yield(outcome)
        continuation.finish()
    }
}
