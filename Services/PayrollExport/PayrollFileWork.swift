import Dispatch
import Synchronization

/// Where an export's blocking file work runs — opening and recovering the output directory,
/// appending, `fsync`, replacing the checkpoint: a serial dispatch queue of its own, off the
/// cooperative thread pool, which goes on fetching and decoding meanwhile.
enum PayrollFileWork {
    private static let queue = DispatchQueue(label: "stride.payroll-export.files")

    /// Runs `body` on the file queue and returns what it returns.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// An export's ledger, shared between the export's task and the file queue (one of them at a
/// time: the task awaits each file operation; the lock is never contended, it makes the sharing
/// checked).
final class PayrollLedgerBox: Sendable {
    private let ledger: Mutex<PayrollLedger>

    init(_ ledger: consuming PayrollLedger) {
        self.ledger = Mutex(ledger)
    }

    /// Runs `body` with the ledger, on the caller's thread (for what does not block).
    func withLedger<T: Sendable>(_ body: (inout PayrollLedger) throws -> T) rethrows -> T {
        try ledger.withLock { try body(&$0) }
    }

    /// Runs `body` with the ledger on the file queue (for what blocks).
    func onFileQueue<T: Sendable>(_ body: @escaping @Sendable (inout PayrollLedger) throws -> T) async throws -> T {
        try await PayrollFileWork.run { try self.ledger.withLock { try body(&$0) } }
    }
}
