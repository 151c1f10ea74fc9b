import ArgumentParser
import StrideCommandLine
import StrideContracts
import StridePayrollExport

/// `stride payroll export`: the reference payroll consumer, writing approved compensation changes
/// and reversals to CSV files, each exactly once.
struct PayrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payroll", abstract: "Hand approved compensation changes to payroll.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each approved compensation change and reversal, exactly once, to a CSV file per effective date.",
            discussion: """
                Files: OUT/payroll-YYYY-MM-DD.csv (RFC 4180), columns \(PayrollCSV.columns.joined(separator: ",")). \
                A reversal's amount is negative. OUT/\(PayrollFileName.checkpoint) holds the offsets read and each \
                file's committed length; an interrupted export (even a killed one) is simply run again. \
                Stops by itself at the topic's ends as they were when it started, unless --follow.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The output directory (created when missing).")
        var out: String

        @Option(help: "The payroll topic.")
        var topic = StrideTopic.payroll.rawValue

        @Flag(help: "Keep exporting new events until SIGINT or SIGTERM.")
        var follow = false

        @Option(help: "Fail if not done after this many seconds (catches a hang; what was written stays committed). With --follow it bounds only the start.")
        var timeoutSeconds: Int = 600

        @Flag(help: "Skip records that cannot be decoded, listing them, instead of stopping at the first one.")
        var skipUndecodable = false

        @Option(help: "Write and checkpoint at most this many records at a time.")
        var maxBatch: Int = PayrollExportOptions(outputDirectory: "").maxBatch

        func validate() throws {
            guard !out.isEmpty else { throw ValidationError("--out must name a directory") }
            guard timeoutSeconds > 0 else { throw ValidationError("--timeout-seconds must be positive") }
            guard maxBatch > 0 else { throw ValidationError("--max-batch must be positive") }
        }

        func run() async throws {
            var options = PayrollExportOptions(outputDirectory: out, topic: topic)
            options.follow = follow
            options.timeout = .seconds(timeoutSeconds)
            options.skipUndecodable = skipUndecodable
            options.maxBatch = maxBatch
            let (configuration, logger) = (try connection.kafkaConfiguration(), connection.logger("stride.payroll"))
            let summary = try await SignalCancellation.run { [options] in
                try await PayrollExport.run(options, configuration: configuration, logger: logger)
            }
            if !follow, !summary.finished {
                print("interrupted before the end of \(topic); run it again to continue")
                throw ExitCode(130)
            }
        }
    }
}
