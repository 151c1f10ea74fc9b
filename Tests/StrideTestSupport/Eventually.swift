/// Thrown by ``waitUntil(_:timeout:every:_:)`` when the condition never held: the thing waited
/// for did not happen (the bound only catches hangs, it is not a speed requirement).
public struct ConditionNeverHeld: Error, CustomStringConvertible {
    public let description: String
}

/// Waits until `condition` holds, checking it every `interval`: how a test waits for the event
/// that proves an outcome (a row, a status, a sentinel message) instead of sleeping a fixed time.
///
/// - Parameters:
///   - what: what is awaited, for the failure message.
///   - timeout: a generous bound that only catches hangs; never an assertion about speed.
///   - interval: the pause between checks.
/// - Throws: ``ConditionNeverHeld`` after `timeout`, or what `condition` throws.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return }
        guard ContinuousClock.now < deadline else {
            throw ConditionNeverHeld(description: "gave up after \(timeout) waiting for \(what)")
        }
        try await Task.sleep(for: interval)
    }
}
