import StrideBenchKit
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime
import Synchronization

/// The real goals service (migrations, outbox relay, inbox consumers, HTTP on 127.0.0.1),
/// started in this process on a schema and a port of its own, as the goals benchmarks drive it.
struct BenchGoalsService {
    let schema: String
    let port: Int
    let core: GoalsCore
    let issuer: TokenIssuer
    private let url: String
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// Builds the service through ``StrideServiceBuilder`` (the composition root `stride-goals`
    /// uses), runs it, and returns once `/health/ready` answers 200.
    static func start(url: String, kafka: KafkaConfiguration, poolSize: Int, logger: Logger) async throws -> BenchGoalsService {
        let schema = "stride_bench_goals_\(UUID().uuidString.prefix(8).lowercased())"
        let secret = "stride-bench-secret-\(UUID().uuidString)"
        let port = try await freePort()
        let configuration = try StrideConfiguration(environment: [
            "DATABASE_URL": url, "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrapServers, "HTTP_HOST": "127.0.0.1",
            "HTTP_PORT": String(port), "JWT_SECRET": secret, "DATABASE_POOL_SIZE": String(poolSize),
        ])
        let slot = CoreSlot()
        let (application, _) = try await StrideServiceBuilder.build(
            GoalsService.definition(name: schema, settings: GoalsSettings()) { slot.set($0) },
            configuration: configuration, logger: logger)
        guard let core = slot.get() else { throw BenchError("goals service: the core was not built") }
        let group = ServiceGroup(services: [application], logger: logger)
        let running = Task { try await group.run() }
        let service = BenchGoalsService(
            schema: schema, port: port, core: core, issuer: try await TokenIssuer(secret: secret), url: url, group: group,
            running: running)
        try await service.waitUntilReady()
        return service
    }

    /// Stops the service gracefully (HTTP first, the relay drains, the pool closes last) and
    /// drops its schema.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        guard let configuration = try? PostgresConfiguration(url: url) else { return }
        let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: core.logger)
        _ = try? await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        await pool.close()
    }

    private func waitUntilReady() async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let ready = try? await BenchHTTPConnection.with(host: "127.0.0.1", port: port) { connection in
                try await connection.send(.GET, "/health/ready").status == 200
            }
            if ready == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("goals service: /health/ready did not answer 200 within 60 s")
    }

    /// A port nothing listens on now (the kernel's pick, released at once).
    private static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw BenchError("no free local port") }
        return port
    }
}

/// Receives the core from the service definition while the builder runs.
private final class CoreSlot: Sendable {
    private let value = Mutex<GoalsCore?>(nil)

    func set(_ core: GoalsCore) { value.withLock { $0 = core } }
    func get() -> GoalsCore? { value.withLock { $0 } }
}
