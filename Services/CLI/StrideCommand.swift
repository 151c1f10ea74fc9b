import ArgumentParser

/// `stride`: administration of a Stride installation. The main job is `stride-demo`, the
/// benchmarks `stride-bench`.
@main
struct StrideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stride",
        abstract: "Administer Stride, the performance management system: org import, tokens, topics, dead letters, parked outbox rows, the payroll export.",
        subcommands: [
            OrgCommand.self, TokenCommand.self, TopicsCommand.self, DeadLetterCommand.self, OutboxCommand.self, PayrollCommand.self,
        ]
    )
}
