import Foundation
import Logging
import StridePostgres
import StrideTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `stride-goals` executable, as systemd or Kubernetes runs it: SIGTERM while the broker
/// is unreachable and the relay is stuck publishing must still end the process, cleanly, inside
/// the 30 s grace the shipped unit and manifest give it (then they SIGKILL). The bound is the
/// deployment's contract, not a speed measurement.
@Suite("stride-goals stops within the shutdown grace", .timeLimit(.minutes(3)))
struct GracefulStopTests {
    static let grace: Duration = .seconds(30)

    @Test("SIGTERM with the broker unreachable and the relay stuck: exit 0 within the grace; the pending row stays")
    func sigtermWithStuckRelay() async throws {
        let port = try ScratchBroker.freePort()
        let process = Process()
        process.executableURL = try Self.executable("stride-goals")
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = try TestEnvironment.databaseURL()
        environment["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:1"  // nobody listens: every send waits for its timeout
        environment["HTTP_HOST"] = "127.0.0.1"
        environment["HTTP_PORT"] = String(port)
        environment["JWT_SECRET"] = "graceful-stop-test-secret-of-32-bytes-or-more"
        environment["LOG_LEVEL"] = "error"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let ended = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        try await waitUntil("stride-goals to be ready (the database is enough)", timeout: .seconds(90)) {
            await Self.status(of: "http://127.0.0.1:\(port)/health/ready") == 200
        }
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: try TestEnvironment.databaseURL()), maxConnections: 1,
                                logger: .init(label: "graceful-stop"))
        // A lease an earlier run left behind (a SIGKILL, a failed run) would keep this relay standing by.
        try await pool.execute("DELETE FROM goals.outbox_relay_lease WHERE holder NOT LIKE \("%/\(process.processIdentifier)/%")")
        let eventID = UUID()
        try await pool.execute("""
            INSERT INTO goals.outbox (event_id, topic, partition_key, event_type, headers, payload)
            VALUES (\(eventID), 'stride.goals.v1', 'k', 'test.graceful-stop', '[]', '{}')
            """)
        try await pool.execute("SELECT pg_notify('goals_outbox', '')")
        // This process's relay holds the lease (its holder names the pid), not one an earlier run left.
        let holder = "%/\(process.processIdentifier)/%"
        try await waitUntil("the relay to take the lease and the row") {
            try await pool.query("""
                SELECT count(*) FROM goals.outbox_relay_lease WHERE expires_at > now() AND holder LIKE \(holder)
                """)[0].decode(0, as: Int.self) == 1
        }

        // The relay's and the producer's series are served (they were made before the metrics
        // system was bootstrapped once, and never appeared).
        let metrics = await Self.body(of: "http://127.0.0.1:\(port)/metrics") ?? ""
        for series in ["stride_outbox_relay_leader{schema=\"goals\"} 1", "stride_outbox_pending_events", "stride_outbox_publish_failures_total",
                       "stride_kafka_producer_renewals_total", "stride_inbox_processed_events_total", "stride_consumer_assigned_partitions"] {
            #expect(metrics.contains(series), "/metrics lacks \(series)")
        }

        let stopping = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        let exited = Task {
            for await _ in ended.stream {}
            return ContinuousClock.now - stopping
        }
        let took = await exited.value
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "it stopped cleanly")
        #expect(took < Self.grace, "stopped after \(took), past the \(Self.grace) grace")
        let pending = try await pool.query(
            "SELECT count(*) FROM goals.outbox WHERE event_id = \(eventID) AND published_at IS NULL")[0].decode(0, as: Int.self)
        #expect(pending == 1, "the undelivered row waits for the next start")
        #expect(try await pool.query("SELECT count(*) FROM goals.outbox_relay_lease")[0].decode(0, as: Int.self) == 0,
                "the lease was released for the next replica")
        try await pool.execute("DELETE FROM goals.outbox WHERE event_id = \(eventID)")
        await pool.close()
    }

    static func executable(_ name: String) throws -> URL { try BuiltExecutable.url(named: name) }

    static func body(of url: String) async -> String? {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 5
        guard let (data, _) = try? await URLSession.shared.data(for: request) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func status(of url: String) async -> Int? {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 5
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }
}
