/// Asks `probe` again and again until it has an answer (a non-nil result) or `timeout` has
/// passed: how the demo waits for something another service does asynchronously (a consumer
/// handling an event), never with a fixed sleep.
/// - Parameters:
///   - what: what is awaited, for the error, e.g. "the coaching service schedules 5 interviews".
///   - timeout: how long to keep asking; generous, since a first run may catch up on a backlog.
///   - interval: the pause between two questions.
///   - probe: one look; nil while the answer is not there yet.
/// - Returns: the first answer, and how long it took.
/// - Throws: ``DemoError`` naming `what` when `timeout` passes without an answer; any error of `probe`.
package func poll<Answer: Sendable>(
    until what: String, timeout: Duration, every interval: Duration = .milliseconds(200),
    _ probe: () async throws -> Answer?
) async throws -> (answer: Answer, after: Duration) {
    let started = ContinuousClock.now
    while true {
        if let answer = try await probe() { return (answer, ContinuousClock.now - started) }
        guard ContinuousClock.now - started < timeout else {
            throw DemoError("waited \(DemoFormat.seconds(timeout)) in vain until \(what)")
        }
        try await Task.sleep(for: interval)
    }
}
