import Foundation
import StrideRuntime
import StrideTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `stride-incentives` executable, as an operator runs it (on a schema of the test's own), started
/// with an optional failpoint armed so that it kills itself (SIGKILL) at that step.
final class IncentivesProcess: @unchecked Sendable {
    // @unchecked: `process` is only started in `init` and then read (its pid, its status) after
    // the termination handler has finished the stream; no state is mutated concurrently.
    let process = Process()
    let port: Int
    let ended: AsyncStream<Void>
    static let secret = "exactly-once-test-secret-of-32-bytes-or-more"

    init(failpoint: String?, schema: String) throws {
        port = try ScratchBroker.freePort()
        process.executableURL = try Self.executable("stride-incentives")
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = try TestEnvironment.databaseURL()
        environment["KAFKA_BOOTSTRAP_SERVERS"] = try TestEnvironment.kafkaBootstrapServers()
        environment["HTTP_HOST"] = "127.0.0.1"
        environment["HTTP_PORT"] = String(port)
        environment["JWT_SECRET"] = Self.secret
        environment["LOG_LEVEL"] = "error"
        environment["STRIDE_FAILPOINT"] = failpoint
        environment["INCENTIVES_SCHEMA"] = schema
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let stream = AsyncStream.makeStream(of: Void.self)
        ended = stream.stream
        process.terminationHandler = { _ in stream.continuation.finish() }
        try process.run()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Waits (bounded) until `/health/ready` answers 200.
    func ready() async throws {
        try await waitUntil("stride-incentives to be ready", timeout: .seconds(120)) {
            await self.call("GET", "/health/ready", token: nil).status == 200
        }
    }

    /// Waits (bounded) for the process to end. - Returns: whether SIGKILL ended it.
    func exit(timeout: Duration = .seconds(120)) async -> (killed: Bool, clean: Bool) {
        let watchdog = Task { [process] in
            try await Task.sleep(for: timeout)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        for await _ in ended {}
        watchdog.cancel()
        return (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                process.terminationReason == .exit && process.terminationStatus == 0)
    }

    func terminate() { if process.isRunning { kill(process.processIdentifier, SIGTERM) } }

    /// One HTTP call; a status of `nil` when the process died before answering.
    func call(_ method: String, _ path: String, token: String?, json: String? = nil, idempotencyKey: String? = nil) async -> (status: Int?, body: String) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let idempotencyKey { request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key") }
        guard let (data, response) = try? await URLSession.shared.data(for: request) else { return (nil, "") }
        return ((response as? HTTPURLResponse)?.statusCode, String(decoding: data, as: UTF8.self))
    }

    static func executable(_ name: String) throws -> URL { try BuiltExecutable.url(named: name) }
}
