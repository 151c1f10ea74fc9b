import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Points where a test may kill the export, to prove a crash there neither loses nor duplicates
/// a line.
///
/// A failpoint fires only when the environment variable `STRIDE_FAILPOINT` names it, and only in a
/// batch that appends at least 2 lines (so "half a batch" is a real part of one). The process then
/// sends itself SIGKILL, as an out-of-memory kill or a power cut would end it: no `defer`, no
/// flush. Unset, a failpoint costs one comparison.
enum PayrollFailpoint: String, CaseIterable {
    /// Half of a batch's lines are appended (not yet fsynced), the rest and the checkpoint are not.
    case midBatch = "payroll-export.mid-batch"
    /// Every line of a batch is appended and fsynced; the checkpoint is not written yet.
    case afterWriteBeforeCheckpoint = "payroll-export.after-write-before-checkpoint"

    private static let armed: String? = ProcessInfo.processInfo.environment["STRIDE_FAILPOINT"]

    /// Whether `STRIDE_FAILPOINT` names this failpoint.
    var isArmed: Bool { Self.armed == rawValue }

    /// Kills the process if this failpoint is armed and the batch appends at least 2 lines.
    /// - Parameter batchLines: how many lines the current batch appends.
    func hit(batchLines: Int) {
        guard isArmed, batchLines >= 2 else { return }
        FileHandle.standardError.write(Data("failpoint \(rawValue): SIGKILL\n".utf8))
        kill(getpid(), SIGKILL)
    }
}
