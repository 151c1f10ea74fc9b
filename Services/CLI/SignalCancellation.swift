import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work that stops cleanly when cancelled, and cancels it on SIGINT or SIGTERM instead of
/// letting the signal end the process.
enum SignalCancellation {
    /// Runs `body` in a task that SIGINT and SIGTERM cancel; the signals' default action is back
    /// when it returns.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let signals = [SIGINT, SIGTERM]
        let sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for number in signals { signal(number, SIG_DFL) }
        }
        return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }
}
