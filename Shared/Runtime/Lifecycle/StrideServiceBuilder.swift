import Hummingbird
import Logging
import StrideContracts
import StrideKafka
import StridePostgres

/// The one composition root of every Stride service: `main` and the tests both call
/// ``build(_:configuration:logger:)``, so tests run the real wiring.
public enum StrideServiceBuilder {
    /// Migrates the schema, makes sure the topics exist and assembles the service.
    ///
    /// The returned application runs, in this order, the client closer, the outbox relay, the
    /// inbox consumers and last the HTTP server; on SIGTERM they stop in reverse: intake stops
    /// first, consumers finish their batch and commit, the relay drains, the producer flushes and
    /// the pool closes.
    /// - Throws: a `PostgresError` when the database is unreachable or a migration fails; a
    ///   `KafkaError` when the producer cannot be created.
    public static func build(
        _ definition: ServiceDefinition, configuration: StrideConfiguration, logger: Logger
    ) async throws -> (application: some ApplicationProtocol, environment: ServiceEnvironment) {
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: configuration.databaseURL),
            maxConnections: configuration.databasePoolSize, logger: logger)
        do {
            try await PostgresMigrator(
                schema: definition.schema, migrations: RuntimeMigrations.all + definition.migrations, logger: logger
            ).migrate(pool)
        } catch {
            await pool.close()
            throw error
        }
        let kafka = KafkaConfiguration(bootstrapServers: configuration.kafkaBootstrapServers, properties: configuration.kafkaProperties)
        await ensureTopics(definition, kafka: kafka, logger: logger)
        let producer = try KafkaProducer(configuration: kafka, logger: logger)
        let outbox = Outbox(schema: definition.schema, source: "/stride/\(definition.name)")
        let environment = ServiceEnvironment(
            name: definition.name, pool: pool, outbox: outbox, directory: OrgDirectory(schema: definition.schema), logger: logger)

        var directoryHandlers = environment.directory.projection
        directoryHandlers.merge(definition.employeeEventHandlers)
        let consumers = [ConsumerDefinition(name: "org-directory", topics: [StrideTopic.employees.rawValue], router: directoryHandlers)]
            + definition.consumers
        let verifier = try await TokenVerifier(configuration: jwtConfiguration(configuration), logger: logger)
        let router = StrideHTTPServer.makeRouter(metrics: .bootstrap(), readinessChecks: [
            ReadinessCheck("database") { try await pool.ping() },
            ReadinessCheck("broker") { try await producer.ping(timeout: .seconds(2)) },
        ])
        let api = router.group().add(middleware: AuthenticationMiddleware<StrideRequestContext>(verifier: verifier))
        definition.routes(api, environment)

        var application = StrideHTTPServer.makeApplication(
            router: router,
            configuration: HTTPServerConfiguration(host: configuration.httpHost, port: configuration.httpPort, serverName: "stride-\(definition.name)"),
            logger: logger)
        application.addServices(ClosingService(name: "clients") {
            await producer.close()
            await pool.close()
        })
        application.addServices(OutboxRelay(outbox: outbox, pool: pool, producer: producer, logger: logger))
        for consumer in consumers {
            application.addServices(InboxConsumer(
                name: consumer.name, schema: definition.schema, topics: consumer.topics,
                groupID: "stride-\(definition.name).\(consumer.name)", kafka: kafka, pool: pool, producer: producer,
                router: consumer.router, logger: logger))
        }
        for service in definition.backgroundServices(environment) {
            application.addServices(service)
        }
        return (application, environment)
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
    private static func ensureTopics(_ definition: ServiceDefinition, kafka: KafkaConfiguration, logger: Logger) async {
        let consumed = definition.consumers.flatMap(\.topics) + [StrideTopic.employees.rawValue]
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
