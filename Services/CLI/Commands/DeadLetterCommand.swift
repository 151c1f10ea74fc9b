import ArgumentParser
import StrideCommandLine
import StrideKafka

/// `stride dlq replay` and `stride dlq list`: send dead letters back to the topic they came from
/// after a fix, or show what that would send.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq", abstract: "Inspect and replay dead-letter topics.", subcommands: [Replay.self, List.self])

    /// The options both subcommands share.
    struct Selection: ParsableArguments {
        @Option(help: "The dead-letter topic, e.g. stride.goals.v1.dlq.")
        var topic: String

        @Option(help: "Consumer group that remembers what was replayed (default: stride-dlq-replay.<topic>).")
        var group: String?

        @Option(help: "Handle at most this many letters (default: all).")
        var max: Int?

        @Option(help: "Fail if not done after this many seconds (catches a hang; what was replayed stays committed).")
        var timeoutSeconds: Int = 600

        func validate() throws {
            guard topic.hasSuffix(DeadLetterReplay.deadLetterSuffix) else {
                throw ValidationError("--topic must be a dead-letter topic (ending in .dlq)")
            }
            guard (max ?? 1) > 0 else { throw ValidationError("--max must be positive") }
            guard timeoutSeconds > 0 else { throw ValidationError("--timeout-seconds must be positive") }
        }

        func options(dryRun: Bool) -> DeadLetterReplay.Options {
            var options = DeadLetterReplay.Options(topic: topic, groupID: group)
            options.maxMessages = max ?? .max
            options.timeout = .seconds(timeoutSeconds)
            options.dryRun = dryRun
            return options
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: """
            Re-publish what the dead-letter topic holds now, and earlier replays of the group did not \
            replay, to the original topics (dlq.* headers removed, keys kept), committing as it goes; \
            letters dead-lettered while it runs are left for the next replay. Stops by itself.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: Selection

        @Flag(help: "List what would be replayed (offset, original topic, key, dlq.error) without sending or committing.")
        var dryRun = false

        func run() async throws {
            _ = try await DeadLetterReplay.run(
                selection.options(dryRun: dryRun), configuration: try connection.kafkaConfiguration(),
                logger: connection.logger("stride.dlq"))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: """
            List what `stride dlq replay` would replay now (offset, original topic, key, dlq.error); \
            sends and commits nothing.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            _ = try await DeadLetterReplay.run(
                selection.options(dryRun: true), configuration: try connection.kafkaConfiguration(),
                logger: connection.logger("stride.dlq"))
        }
    }
}
