import ArgumentParser
import StrideCommandLine
import Foundation
import StrideContracts
import StrideKafka
import StrideRuntime

/// `stride org import FILE.csv`: publishes an HRIS export to `hr.employees.v1`.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Feed the org chart to Stride.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Publish EmployeeUpserted events from an HRIS CSV export.",
            discussion: """
                Columns: \(EmployeeRow.columns.joined(separator: ",")).
                Bad rows are reported with their line numbers and skipped; good rows are still published.
                Exit status: 0 all rows published, 3 some rows rejected, 1 nothing could be published.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "The topic to publish to.")
        var topic = StrideTopic.employees.rawValue

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            let parsed = try OrgImport(csv: String(decoding: data, as: UTF8.self))
            for rejection in parsed.rejected {
                print("\(file):\(rejection.line): rejected: \(rejection.reasons.joined(separator: "; "))")
            }
            let producer = try KafkaProducer(configuration: try connection.kafkaConfiguration(), logger: connection.logger("stride.org"))
            let messages = try parsed.employees.map { employee in
                var encoded = try EventCodec.encode(employee, source: "/stride/cli/org-import")
                encoded.topic = topic
                return KafkaOutgoingMessage(encoded)
            }
            let failures = await producer.send(messages).filter { if case .failure = $0 { true } else { false } }.count
            await producer.close()
            print("published \(messages.count - failures) employee(s) to \(topic); rejected \(parsed.rejected.count) row(s)")
            if failures > 0 { throw ExitCode.failure }
            if !parsed.rejected.isEmpty { throw ExitCode(3) }
        }
    }
}
