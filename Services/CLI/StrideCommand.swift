import ArgumentParser

/// `stride`: administration and demonstration of a Stride installation.
@main
struct StrideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stride",
        abstract: "Administer and demonstrate Stride, the performance management system.",
        subcommands: [
            OrgCommand.self, TokenCommand.self, TopicsCommand.self, DeadLetterCommand.self, OutboxCommand.self,
            DemoCommand.self, BenchCommand.self,
        ]
    )
}
