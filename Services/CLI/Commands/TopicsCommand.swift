import ArgumentParser
import StrideCommandLine
import StrideContracts
import StrideKafka
import StrideRuntime

/// `stride topics create`: creates every topic of the event catalog and its dead-letter topic.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "Manage Stride's Kafka topics.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create every catalog topic and its .dlq topic (existing topics are left as they are).")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Partitions per topic.")
        var partitions: Int32 = 4

        @Option(help: "Replication factor (-1: the broker's default).")
        var replicationFactor: Int16 = -1

        func run() async throws {
            let specs = TopicCatalog.specs(partitions: partitions, replicationFactor: replicationFactor)
            try await KafkaAdmin.createTopics(specs, configuration: try connection.kafkaConfiguration(), logger: connection.logger("stride.topics"))
            for spec in specs { print("topic \(spec.name)") }
        }
    }
}
