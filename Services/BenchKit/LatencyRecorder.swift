import Synchronization

/// Collects latencies from concurrent handlers and reports percentiles.
package final class LatencyRecorder: Sendable {
    private let samples = Mutex<[Double]>([])

    package func record(milliseconds: Double) {
        samples.withLock { $0.append(milliseconds) }
    }

    package func reset() {
        samples.withLock { $0.removeAll() }
    }

    package var count: Int { samples.withLock { $0.count } }

    /// The `p`-th percentile (0…100) in milliseconds; 0 when nothing was recorded.
    package func percentile(_ p: Double) -> Double {
        let sorted = samples.withLock { $0.sorted() }
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
