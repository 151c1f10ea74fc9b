import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Named points where a test may kill the process, to prove that a crash there loses nothing
/// and duplicates nothing.
///
/// A failpoint fires only when the environment variable `STRIDE_FAILPOINT` names it; the process
/// then sends itself SIGKILL, exactly as an out-of-memory kill or a power cut would end it: no
/// `defer`, no flush, no graceful shutdown. In production the variable is unset and a failpoint
/// costs one comparison.
public enum Failpoint: String, Sendable, CaseIterable {
    /// The outbox relay has read pending rows but not yet produced them.
    case relayBeforePublish = "outbox.before-publish"
    /// The outbox relay has received the delivery reports but not yet marked the rows published.
    case relayAfterPublishBeforeMark = "outbox.after-publish-before-mark"
    /// An inbox consumer has committed its database transaction but not yet the Kafka offsets.
    case inboxAfterTransactionBeforeCommit = "inbox.after-transaction-before-commit"
    /// Incentives has written an approval's changes but not yet its events or its commit.
    case incentivesApprovalBeforeCommit = "incentives.approval-before-commit"

    private static let armed: String? = ProcessInfo.processInfo.environment["STRIDE_FAILPOINT"]

    /// Kills the process if this failpoint is armed.
    public func hit() {
        guard Self.armed == rawValue else { return }
        FileHandle.standardError.write(Data("failpoint \(rawValue): SIGKILL\n".utf8))
        kill(getpid(), SIGKILL)
    }
}
