import Hummingbird
import Logging
import StrideContracts
import StrideKafka
import StridePostgres

/// The one composition root of every Stride service: `main` and the tests both call
/// ``build(_:configuration:logger:)``, so tests run the real wiring.
public enum StrideServiceBuilder {
    /// Migrates the schema, makes the service's parts, makes sure the topics exist and assembles
    /// the service.
    ///
    /// The returned application runs, in this order, the client closer, the outbox relay, the
    /// inbox consumers, the periodic jobs and background services, and last the HTTP server; on
    /// SIGTERM they stop in reverse: intake stops first, jobs stop, consumers finish their batch
    /// and commit, the relay makes a bounded last attempt, the producer flushes (bounded) and the
    /// pool closes. Readiness depends on the database only; the broker's and the relay's state
    /// are reported in `/health/ready`'s body and in metrics.
    /// - Throws: a `PostgresError` when the database is unreachable or a migration fails; a
    ///   `KafkaError` when the producer cannot be created; what the parts factory throws.
    public static func build(
        _ definition: ServiceDefinition, configuration: StrideConfiguration, logger: Logger
    ) async throws -> (application: some ApplicationProtocol, environment: ServiceEnvironment) {
        // Before any part makes its counters and gauges: one made earlier is bound to swift-metrics'
        // no-op backend for good (the relay's and the producer's were, and /metrics never showed them).
        let metrics = StrideMetrics.bootstrap()
        var database = try PostgresConfiguration(url: configuration.databaseURL)
        database.preparedStatements = configuration.databasePreparedStatements
        let pool = PostgresPool(configuration: database, maxConnections: configuration.databasePoolSize, logger: logger)
        do {
            try await PostgresMigrator(
                schema: definition.schema, migrations: RuntimeMigrations.all + definition.migrations, logger: logger
            ).migrate(pool)
        } catch {
            await pool.close()
            throw error
        }
        let kafka = KafkaConfiguration(bootstrapServers: configuration.kafkaBootstrapServers, properties: configuration.kafkaProperties)
        let outbox = Outbox(schema: definition.schema, source: "/stride/\(definition.name)")
        let environment = ServiceEnvironment(
            name: definition.name, pool: pool, outbox: outbox, directory: OrgDirectory(schema: definition.schema), logger: logger)
        let parts = try definition.makeParts(environment)
        await ensureTopics(definition, parts: parts, kafka: kafka, logger: logger)
        let producer = try RenewableProducer(configuration: kafka, logger: logger)
        var relaySettings = OutboxRelay.Settings()
        relaySettings.keepsPublishedRows = configuration.retention.keepsPublishedOutboxRows
        let relay = OutboxRelay(outbox: outbox, pool: pool, producer: producer, settings: relaySettings, logger: logger)

        var directoryHandlers = environment.directory.projection
        directoryHandlers.merge(parts.employeeEventHandlers)
        let consumers = [ConsumerDefinition(name: "org-directory", topics: [definition.employeesTopic], router: directoryHandlers)]
            + parts.consumers
        let verifier = try await TokenVerifier(configuration: jwtConfiguration(configuration), logger: logger)
        let router = StrideHTTPServer.makeRouter(metrics: metrics, readinessChecks: [
            ReadinessCheck("database") { try await pool.ping() },
            // Without the identity provider's keys no token can be verified (requests get 503).
            ReadinessCheck("identity-keys") { try await verifier.checkKeys() },
            ReadinessCheck("broker", required: false) { try await producer.ping(timeout: .seconds(2)) },
            ReadinessCheck("outbox-relay", required: false) {
                if let failure = relay.status.failure { throw RelayFailing(description: "cannot publish: \(failure)") }
            },
        ])
        parts.publicRoutes(router.group())
        let api = router.group().add(middleware: AuthenticationMiddleware<StrideRequestContext>(verifier: verifier))
        parts.routes(api)

        var application = StrideHTTPServer.makeApplication(
            router: router,
            configuration: HTTPServerConfiguration(host: configuration.httpHost, port: configuration.httpPort, serverName: "stride-\(definition.name)"),
            logger: logger)
        application.addServices(ClosingService(name: "clients") {
            await producer.close(flushTimeout: .seconds(5))
            await pool.close()
        })
        application.addServices(relay)
        for consumer in consumers {
            application.addServices(InboxConsumer(
                name: consumer.name, schema: definition.schema, topics: consumer.topics,
                groupID: "stride-\(definition.name).\(consumer.name)", kafka: kafka, pool: pool, producer: producer,
                router: consumer.router, logger: logger))
        }
        for job in parts.jobs + [configuration.retention.job(schema: definition.schema, pool: pool)] {
            application.addServices(PeriodicJob(job, schema: definition.schema, pool: pool, logger: logger))
        }
        for service in parts.backgroundServices {
            application.addServices(service)
        }
        return (application, environment)
    }

    /// The readiness report's reason when the relay's batches keep failing.
    struct RelayFailing: Error, CustomStringConvertible {
        var description: String
    }

    /// How the service verifies bearer tokens: the key source the environment names (`JWT_JWKS_URL`,
    /// `JWT_JWKS` or `JWT_SECRET`), with its issuer, audience, leeway, roles claim and JWKS refresh policy.
    static func jwtConfiguration(_ configuration: StrideConfiguration) -> JWTConfiguration {
        let keySource: JWTConfiguration.KeySource =
            if let url = configuration.jwtJWKSURL {
                .jwksURL(url)
            } else if let jwks = configuration.jwtJWKS {
                .jwks(json: jwks)
            } else {
                .hs256(secret: configuration.jwtSecret ?? "")
            }
        return JWTConfiguration(
            keySource: keySource, issuer: configuration.jwtIssuer, audience: configuration.jwtAudience,
            leeway: configuration.jwtLeeway, rolesClaim: configuration.jwtRolesClaim, jwksRefresh: configuration.jwtJWKSRefresh)
    }

    /// Creates the topics the service uses where they are missing. Clusters that reserve topic
    /// creation to operators refuse; that is logged and the service starts anyway.
    private static func ensureTopics(
        _ definition: ServiceDefinition, parts: ServiceParts, kafka: KafkaConfiguration, logger: Logger
    ) async {
        let consumed = parts.consumers.flatMap(\.topics) + [definition.employeesTopic]
        let needed = Set(definition.producedTopics + consumed + consumed.map { $0 + ".dlq" })
        let specs = TopicCatalog.specs().filter { needed.contains($0.name) }
        do {
            let admin = try KafkaAdmin(configuration: kafka, logger: logger)
            do {
                try await admin.createTopics(specs)
            } catch {
                logger.warning("could not create topics; expecting operators to have", metadata: ["error": "\(error)"])
            }
            await admin.close()
        } catch {
            logger.warning("no admin client; topics must exist", metadata: ["error": "\(error)"])
        }
    }
}
