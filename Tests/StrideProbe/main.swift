// stride-probe: a tiny program the crash-recovery tests run as a separate process, so that a
// failpoint (STRIDE_FAILPOINT) can SIGKILL it at an exact point of the outbox or inbox path.
//
//   StrideProbe publish --schema S --topic T --count N [--insert]
//       migrates S; with --insert writes N MetricReading events to S.outbox in one transaction;
//       then relays the outbox until nothing is pending, and exits 0.
//   StrideProbe consume --schema S --topic T --group G --expect N
//       migrates S; consumes T into S.inbox, recording one row per handled event in S.effects
//       (deliberately without a unique constraint, so a duplicate effect would show); exits 0
//       once S.inbox holds N events.
//
// Needs DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS.
import Foundation
import Logging
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

let arguments = ProbeArguments(CommandLine.arguments.dropFirst())
var logger = Logger(label: "stride.probe")
logger.logLevel = .notice

let environment = ProcessInfo.processInfo.environment
guard let url = environment["DATABASE_URL"], let servers = environment["KAFKA_BOOTSTRAP_SERVERS"] else {
    FileHandle.standardError.write(Data("DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are required\n".utf8))
    exit(2)
}
let kafka = KafkaConfiguration(bootstrapServers: servers, properties: ["session.timeout.ms": "6000", "max.poll.interval.ms": "10000"])
let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 4, logger: logger)
let schema = arguments.value("--schema")
let topic = arguments.value("--topic")
let migrations = RuntimeMigrations.all + [
    PostgresMigration(version: 100, name: "probe_effects", sql: "CREATE TABLE effects (event_id text NOT NULL, metric_id text NOT NULL)")
]
try await PostgresMigrator(schema: schema, migrations: migrations, logger: logger).migrate(pool)
let producer = try RenewableProducer(configuration: kafka, logger: logger)

switch arguments.command {
case "publish":
    let outbox = Outbox(schema: schema, source: "/stride/probe")
    if arguments.flag("--insert") {
        let count = Int(arguments.value("--count"))!
        let events = try (0..<count).map { try outbox.encode(ProbeEvents.reading($0), topic: topic) }
        try await pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
    }
    // A short lease: after a SIGKILL the next probe takes over within two seconds.
    var settings = OutboxRelay.Settings()
    settings.leaseDuration = .seconds(2)
    let relay = OutboxRelay(outbox: outbox, pool: pool, producer: producer, settings: settings, logger: logger)
    var published = 0
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
        published += await relay.drain()
        let pending = try await pool.query("SELECT count(*) FROM \(unescaped: schema).outbox WHERE published_at IS NULL")
        if try pending[0].decode(0, as: Int.self) == 0 { break }
        try await Task.sleep(for: .milliseconds(200))  // a killed probe's lease has not expired yet
    }
    await relay.releaseLease()
    print("published \(published)")

case "consume":
    let expected = Int(arguments.value("--expect"))!
    var router = InboxRouter()
    router.on(MetricReading.self) { reading, message, connection in
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).effects (event_id, metric_id)
            VALUES (\(message.metadata.id.uuidString), \(ProbeEvents.metricID(of: reading)))
            """)
    }
    var settings = InboxConsumer.Settings()
    settings.batchSize = 50
    let consumer = InboxConsumer(
        name: "probe", schema: schema, topics: [topic], groupID: arguments.value("--group"), kafka: kafka,
        pool: pool, producer: producer, router: router, settings: settings, logger: logger)
    let running = Task { try await consumer.run() }
    let deadline = ContinuousClock.now + .seconds(90)
    while ContinuousClock.now < deadline {
        let rows = try await pool.query("SELECT count(*) FROM \(unescaped: schema).inbox")
        if try rows[0].decode(0, as: Int.self) >= expected { break }
        try await Task.sleep(for: .milliseconds(100))
    }
    running.cancel()
    _ = try? await running.value
    print("consumed")

default:
    FileHandle.standardError.write(Data("unknown command \(arguments.command)\n".utf8))
    exit(2)
}
await producer.close()
await pool.close()
