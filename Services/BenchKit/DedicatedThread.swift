import Foundation

/// Runs blocking work (the raw C ceilings) on a new thread of its own, so the cooperative
/// pool that the wrapped clients and their callbacks need is never blocked by it.
package func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
