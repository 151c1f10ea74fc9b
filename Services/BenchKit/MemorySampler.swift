import Foundation
import Synchronization

/// Samples this process's resident memory (`VmRSS` in `/proc/self/status`) while a measurement
/// runs, and keeps the largest sample: the peak of that stretch of the run, unlike `VmHWM`,
/// which is the peak of the process's whole life (earlier suites included).
package final class MemorySampler: Sendable {
    private let peakKilobytes = Atomic<Int>(0)
    private let sampling = Mutex<Task<Void, Never>?>(nil)

    package init() {}

    /// Starts sampling every `interval`.
    package func start(every interval: Duration = .milliseconds(50)) {
        let task = Task { [self] in
            while !Task.isCancelled {
                record()
                try? await Task.sleep(for: interval)
            }
        }
        sampling.withLock { $0 = task }
    }

    /// Stops sampling.
    /// - Returns: the peak resident memory seen, in MiB.
    package func stop() async -> Double {
        let task = sampling.withLock { $0.take() }
        task?.cancel()
        await task?.value
        record()
        return Double(peakKilobytes.load(ordering: .relaxed)) / 1_024
    }

    private func record() {
        guard let kilobytes = Self.residentKilobytes() else { return }
        _ = peakKilobytes.max(kilobytes, ordering: .relaxed)
    }

    /// `VmRSS` of this process in KiB, or nil where `/proc` does not say.
    package static func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace).first ?? "")
        }
        return nil
    }
}
