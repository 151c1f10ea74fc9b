import ArgumentParser
import StrideKafka

/// `stride dlq replay`: sends dead letters back to the topic they came from, after a fix.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq", abstract: "Inspect and replay dead-letter topics.", subcommands: [Replay.self])

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: """
            Re-publish the messages of a dead-letter topic to their original topic (dlq.* headers removed), \
            committing as it goes; stops when the topic has been idle for --idle-seconds.
            """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The dead-letter topic, e.g. stride.goals.v1.dlq.")
        var topic: String

        @Option(help: "Consumer group that remembers what was replayed.")
        var group: String?

        @Option(help: "Stop after this many messages.")
        var max: Int = .max

        @Option(help: "Stop after this many seconds without a message.")
        var idleSeconds: Int = 5

        func validate() throws {
            guard topic.hasSuffix(".dlq") else { throw ValidationError("--topic must be a dead-letter topic (ending in .dlq)") }
        }

        func run() async throws {
            let kafka = try connection.kafkaConfiguration()
            let logger = connection.logger("stride.dlq")
            let consumer = try KafkaConsumer(
                configuration: kafka, groupID: group ?? "stride-dlq-replay.\(topic)", topics: [topic], logger: logger)
            let producer = try KafkaProducer(configuration: kafka, logger: logger)
            var replayed = 0
            var idleSince = ContinuousClock.now
            do {
                while replayed < max, ContinuousClock.now - idleSince < .seconds(idleSeconds) {
                    let batch = Array(try await consumer.poll(maxMessages: min(500, max - replayed)))
                    guard !batch.isEmpty else { continue }
                    idleSince = .now
                    let messages = batch.map { letter in
                        var message = KafkaOutgoingMessage(
                            topic: letter.header("dlq.original-topic") ?? String(topic.dropLast(".dlq".count)),
                            key: nil, value: letter.value, headers: letter.headers.filter { !$0.key.hasPrefix("dlq.") })
                        message.key = letter.key
                        return message
                    }
                    for result in await producer.send(messages) { _ = try result.get() }
                    try await consumer.commit(batch)
                    replayed += batch.count
                    print("replayed \(replayed)")
                }
            } catch {
                await consumer.close()
                await producer.close()
                throw error
            }
            await consumer.close()
            await producer.close()
            print("replayed \(replayed) message(s) from \(topic)")
        }
    }
}
