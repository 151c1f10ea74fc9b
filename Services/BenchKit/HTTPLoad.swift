import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// HTTP load on a service's routes over keep-alive connections: each request goes to one of the
/// targets as its caller; a write carries a JSON body and an `Idempotency-Key` of its own, as a
/// retrying client sends them.
package struct HTTPLoad: Sendable {
    /// A route and a bearer token of the caller.
    package struct Target: Sendable {
        package var method: HTTPMethod
        package var path: String
        package var authorization: String

        package init(_ method: HTTPMethod = .POST, path: String, authorization: String) {
            self.method = method
            self.path = path
            self.authorization = authorization
        }
    }

    /// What one phase measured.
    package struct Result {
        package var requests: Int
        package var elapsed: Duration
        package var latencies: LatencyRecorder
        package var failures: Int
        package var firstFailure: String?

        package var throughput: Double { Double(requests) / elapsed.seconds }
    }

    package let port: Int
    package let targets: [Target]
    /// The status every request must answer with; any other counts as a failure.
    package let expectedStatus: Int
    /// The JSON body of request `index` (nil: none).
    package let body: @Sendable (Int) -> String?

    package init(port: Int, targets: [Target], expectedStatus: Int, body: @escaping @Sendable (Int) -> String? = { _ in nil }) {
        self.port = port
        self.targets = targets
        self.expectedStatus = expectedStatus
        self.body = body
    }

    /// Makes the idempotency keys of this run unique.
    package let runID = UUID().uuidString.prefix(8)

    /// Open loop: request `i` is due at `start + i / rate`. A request that falls due while every
    /// connection is busy waits for one, and its latency counts from when it was due, so a stall
    /// shows in the percentiles instead of lowering the offered rate (no coordinated omission).
    package func openLoop(rate: Int, seconds: Int, connections: Int, firstKey: Int) async throws -> Result {
        let total = rate * seconds
        let interval = 1.0 / Double(rate)
        return try await run(connections: connections, firstKey: firstKey) { index, clock, start in
            guard index < total else { return nil }
            let due = start + .seconds(Double(index) * interval)
            try await clock.sleep(until: due, tolerance: .microseconds(100))
            return due
        }
    }

    /// Closed loop: every connection sends its next request as soon as the last one answers,
    /// for `seconds`. Latency counts from the send.
    package func closedLoop(seconds: Int, connections: Int, firstKey: Int) async throws -> Result {
        let end = ContinuousClock.now + .seconds(seconds)
        return try await run(connections: connections, firstKey: firstKey) { _, clock, _ in
            let now = clock.now
            return now < end ? now : nil
        }
    }

    /// Runs `connections` workers that take request numbers from one counter; `due` says when
    /// request `index` counts from (after waiting for it, if it must), or nil when the phase is over.
    private func run(
        connections: Int, firstKey: Int,
        due: @escaping @Sendable (Int, ContinuousClock, ContinuousClock.Instant) async throws -> ContinuousClock.Instant?
    ) async throws -> Result {
        let counter = Counter()
        let failures = Failures()
        let latencies = LatencyRecorder()
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(100)  // Every connection is open before the first request falls due.
        let ends = try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
            for _ in 0..<connections {
                group.addTask { [self] in
                    try await BenchHTTPConnection.with(host: "127.0.0.1", port: port) { connection in
                        var last = start
                        while true {
                            let index = counter.next()
                            guard let from = try await due(index, clock, start) else { return last }
                            let target = targets[(index &* 7_919) % targets.count]
                            var headers = [("Authorization", target.authorization)]
                            let payload = body(index).map { ByteBuffer(string: $0) }
                            if payload != nil {
                                headers.append(("Content-Type", "application/json"))
                                headers.append(("Idempotency-Key", "bench-\(runID)-\(firstKey + index)"))
                            }
                            let reply = try await connection.send(target.method, target.path, headers: headers, body: payload)
                            last = clock.now
                            latencies.record(milliseconds: (last - from).seconds * 1_000)
                            if reply.status != expectedStatus { failures.add("\(target.method) \(target.path): \(reply.status) \(reply.text.prefix(300))") }
                        }
                    }
                }
            }
            return try await group.reduce(into: [ContinuousClock.Instant]()) { $0.append($1) }
        }
        let (count, first) = failures.snapshot
        return Result(
            requests: latencies.count, elapsed: (ends.max() ?? start) - start, latencies: latencies, failures: count,
            firstFailure: first)
    }
}

/// Hands out request numbers to concurrent workers.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    package func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// Counts failed requests and keeps the first one's reply.
private final class Failures: Sendable {
    private let state = Mutex<(count: Int, first: String?)>((0, nil))

    package func add(_ reply: String) {
        state.withLock { state in
            state.count += 1
            if state.first == nil { state.first = reply }
        }
    }

    package var snapshot: (Int, String?) { state.withLock { ($0.count, $0.first) } }
}
