import Foundation
import StrideKafka
@testable import StridePayrollExport
import StrideTestSupport
import Testing

@Suite("stride payroll export killed (SIGKILL) at each failpoint and restarted: every line exactly once")
struct PayrollExportCrashTests {
    private func export(_ topic: String, into directory: ScratchDirectory, failpoint: String? = nil) async throws -> StrideProcess.Outcome {
        try await StrideProcess.run(
            ["payroll", "export", "--out", directory.path, "--topic", topic, "--max-batch", "50", "--timeout-seconds", "300",
             "--kafka", try TestEnvironment.kafkaBootstrapServers()],
            failpoint: failpoint)
    }

    @Test("a real stride process killed mid-batch or between the fsync and the checkpoint, then restarted, writes each line once", arguments: [
        "payroll-export.mid-batch", "payroll-export.after-write-before-checkpoint",
    ])
    func killAndRestart(failpoint: String) async throws {
        let topic = try await PayrollTestKafka.makeTopic()
        var scenario = PayrollScenario(topic: topic)
        let directory = try ScratchDirectory()
        defer { directory.remove() }

        // Some committed batches first, so the crash happens on top of a checkpoint.
        try await PayrollTestKafka.send(
            try scenario.changes(0..<150) + scenario.reversals(of: [3, 70, 140]) + scenario.redeliveries((0..<10).map(scenario.changeID)))
        let clean = try await export(topic, into: directory)
        #expect(clean.succeeded, "\(clean)")
        let committedBefore = try #require(try PayrollFiles(directory.path).committedLengths())

        // Then a few hundred more, with redeliveries of old and new events and events of another type.
        let more = try scenario.changes(150..<400) + scenario.reversals(of: [5, 160, 399])
        try await PayrollTestKafka.send(
            more + scenario.unknownTypes(4)
                + scenario.redeliveries([scenario.changeID(1), scenario.reversalID(70), scenario.changeID(200), scenario.changeID(201)]))

        let killed = try await export(topic, into: directory, failpoint: failpoint)
        #expect(killed.killedBySIGKILL, "\(killed)")
        #expect(killed.output.contains("failpoint \(failpoint): SIGKILL"), "\(killed)")
        let files = try PayrollFiles(directory.path)
        let committed = try #require(try files.committedLengths())
        #expect(committed.allSatisfy { $0.value >= committedBefore[$0.key] ?? 0 }, "checkpoints only grow")
        let onDisk = try files.lengthsOnDisk()
        #expect(onDisk != committed, "the process died with lines written beyond the checkpoint: \(onDisk) vs \(committed)")

        let restarted = try await export(topic, into: directory)
        #expect(restarted.succeeded, "\(restarted)")
        #expect(restarted.output.contains("total: \(scenario.expected.count) line(s)"), "\(restarted)")

        let result = try PayrollFiles(directory.path)
        result.expectExactlyOnce(scenario.expected.keys)
        #expect(result.lines.count == 406)
        #expect(result.totals == scenario.expectedFiles, "lines and sums per file and currency")
        #expect(try result.committedLengths() == result.lengthsOnDisk())

        let again = try await export(topic, into: directory)
        #expect(again.succeeded, "\(again)")
        #expect(again.output.contains("406 line(s) in 4 file(s), 0 appended now"), "\(again)")
    }
}
