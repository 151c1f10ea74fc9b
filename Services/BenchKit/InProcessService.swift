import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import StrideKafka
import StridePostgres
import StrideRuntime
import Synchronization

/// A real service (migrations, outbox relay, inbox consumers, HTTP on 127.0.0.1), started in
/// this process on a schema and a port of its own, as a service's benchmarks drive it.
package struct InProcessService<Core: Sendable>: Sendable {
    package let schema: String
    package let port: Int
    package let core: Core
    package let issuer: TokenIssuer
    /// A pool of the benchmark's own on the same database, for seeding and checking.
    package let pool: PostgresPool
    private let url: String
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// Builds the service through ``StrideServiceBuilder`` (the composition root every service
    /// executable uses), runs it, and returns once `/health/ready` answers 200.
    /// - Parameters:
    ///   - prefix: the schema's name starts `stride_bench_<prefix>_`.
    ///   - definition: the service's definition on `schema`, handing its core to `ready`.
    package static func start(
        prefix: String, url: String, kafka: KafkaConfiguration, poolSize: Int, logger: Logger,
        definition: (_ schema: String, _ ready: @escaping @Sendable (Core) -> Void) -> ServiceDefinition
    ) async throws -> InProcessService {
        let schema = "stride_bench_\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        let secret = "stride-bench-secret-\(UUID().uuidString)"
        let port = try await freePort()
        let configuration = try StrideConfiguration(environment: [
            "DATABASE_URL": url, "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrapServers, "HTTP_HOST": "127.0.0.1",
            "HTTP_PORT": String(port), "JWT_SECRET": secret, "DATABASE_POOL_SIZE": String(poolSize),
        ])
        let slot = CoreSlot<Core>()
        let (application, _) = try await StrideServiceBuilder.build(
            definition(schema) { slot.set($0) }, configuration: configuration, logger: logger)
        guard let core = slot.get() else { throw BenchError("\(prefix) service: the core was not built") }
        let group = ServiceGroup(services: [application], logger: logger)
        let running = Task { try await group.run() }
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 4, logger: logger)
        let service = InProcessService(
            schema: schema, port: port, core: core, issuer: try await TokenIssuer(secret: secret), pool: pool, url: url,
            group: group, running: running)
        try await service.waitUntilReady()
        return service
    }

    /// Stops the service gracefully (HTTP first, the relay drains, the pool closes last) and
    /// drops its schema.
    package func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        _ = try? await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        await pool.close()
    }

    /// Runs `body` against the started service, then stops it, whether `body` threw or not.
    package func use<T>(_ body: (InProcessService) async throws -> T) async throws -> T {
        do {
            let value = try await body(self)
            await stop()
            return value
        } catch {
            await stop()
            throw error
        }
    }

    /// A bearer token for `subject` with `roles`, as the `Authorization` header carries it.
    package func bearer(_ subject: String, roles: Set<Role>) async throws -> String {
        "Bearer " + (try await issuer.issue(subject: subject, roles: roles))
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
        throw BenchError("\(schema): /health/ready did not answer 200 within 60 s")
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
private final class CoreSlot<Core: Sendable>: Sendable {
    private let value = Mutex<Core?>(nil)

    func set(_ core: Core) { value.withLock { $0 = core } }
    func get() -> Core? { value.withLock { $0 } }
}
