import Foundation
import StrideContracts
import StrideKafka
@testable import StridePayrollExport
import StrideTestSupport
import Testing

@Suite("stride payroll export against the real broker")
struct PayrollExportTests {
    private func export(
        _ topic: String, into directory: ScratchDirectory, lines: inout [String], configure: (inout PayrollExportOptions) -> Void = { _ in }
    ) async throws -> PayrollExportSummary {
        var options = PayrollExportOptions(outputDirectory: directory.path, topic: topic)
        options.timeout = .seconds(120)
        options.maxBatch = 25
        configure(&options)
        var output: [String] = []
        defer { lines = output }
        return try await PayrollExport.run(options, configuration: try PayrollTestKafka.configuration(), logger: PayrollTestKafka.logger) {
            output.append($0)
        }
    }

    /// Each expected line id exactly once, nothing else, and per file the expected lines and sums.
    private func expectExactlyOnce(_ directory: ScratchDirectory, _ scenario: PayrollScenario) throws {
        let files = try PayrollFiles(directory.path)
        files.expectExactlyOnce(scenario.expected.keys)
        #expect(files.totals == scenario.expectedFiles)
    }

    @Test("writes one line per change id, reversals negative, one file per effective date with the right sums, skips redeliveries and unknown types, stops by itself")
    func exportsOnce() async throws {
        let topic = try await PayrollTestKafka.makeTopic()
        var scenario = PayrollScenario(topic: topic)
        let changes = try scenario.changes(0..<60)
        let reversals = try scenario.reversals(of: [1, 4, 9, 30])
        let redelivered = try scenario.redeliveries((0..<12).map(scenario.changeID) + [scenario.reversalID(4)])
        try await PayrollTestKafka.send(changes + scenario.unknownTypes(3) + reversals + redelivered)
        let directory = try ScratchDirectory()
        defer { directory.remove() }

        var lines: [String] = []
        let summary = try await export(topic, into: directory, lines: &lines)
        #expect(summary.finished)
        #expect(summary.recordsRead == 60 + 3 + 4 + 13)
        #expect(summary.linesAppended == 64)
        #expect(summary.totalLines == 64)
        #expect(summary.duplicatesSkipped == 13)
        #expect(summary.unknownTypesSkipped == ["stride.payroll.compensation-change.approved.v2": 3])
        #expect(summary.undecodableSkipped.isEmpty)
        #expect(summary.recordsLostToRetention.isEmpty)
        try expectExactlyOnce(directory, scenario)
        #expect(summary.files.mapValues(\.amounts) == scenario.expectedFiles.mapValues(\.amounts))
        #expect(summary.files.mapValues(\.lines) == scenario.expectedFiles.mapValues(\.lines))
        #expect(Set(summary.files.keys) == ["payroll-2026-04-01.csv", "payroll-2026-05-01.csv", "payroll-2026-06-15.csv", "payroll-2026-07-01.csv"])

        let files = try PayrollFiles(directory.path)
        let reversal = try #require(files.lines.first { $0["line_id"] == scenario.reversalID(9) })
        let reversed = try #require(files.lines.first { $0["line_id"] == scenario.changeID(9) })
        #expect(reversal.file == "payroll-2026-07-01.csv")
        #expect(reversal["line_kind"] == "reversal")
        #expect(reversal["change_id"] == scenario.changeID(9))
        #expect(reversal["amount"] == "-" + reversed["amount"])
        #expect(reversal["recommendation_id"] == "")
        #expect(reversed["line_kind"] == "change")
        #expect(reversed["cycle_id"] == PayrollScenario.cycleID, "quoted fields survive")
        #expect(reversed["recommendation_id"] == "rec-9")
        let bonus = try #require(files.lines.first { $0["line_id"] == scenario.changeID(1) })
        #expect(bonus["kind"] == "bonus")
        #expect(bonus["new_base_salary"] == "")
        #expect(reversed["kind"] == "bonus")
        let lumpSum = try #require(files.lines.first { $0["line_id"] == scenario.changeID(3) })
        #expect(lumpSum["kind"] == "lump_sum")
        let merit = try #require(files.lines.first { $0["line_id"] == scenario.changeID(4) })
        #expect(merit["new_base_salary"] == "50104.04")
        #expect(merit["currency"] == "USD")
        let restored = try #require(files.lines.first { $0["line_id"] == scenario.reversalID(4) })
        #expect(restored["new_base_salary"] == "50000.00")
        #expect(restored["amount"] == "-104.04")

        #expect(lines.contains("total: 64 line(s) in 4 file(s), 64 appended now; \(Self.text(scenario))"), "\(lines)")
        #expect(lines.contains {
            $0.hasPrefix("read 80 record(s) from \(topic); skipped 13 duplicate(s), 3 of unknown type(s)")
        }, "\(lines)")
    }

    /// `EUR …, JPY …, USD …` as the summary writes the totals.
    private static func text(_ scenario: PayrollScenario) -> String {
        let totals = scenario.expectedFiles.values.reduce(into: [String: Decimal]()) { totals, file in
            for (currency, amount) in file.amounts { totals[currency, default: 0] += amount }
        }
        return totals.sorted { $0.key < $1.key }.map { "\($0.key) \(Money(amount: $0.value, currency: $0.key).amountText)" }
            .joined(separator: ", ")
    }

    @Test("running it again appends nothing; after more events (and old ones redelivered) it appends only the new ones")
    func idempotentReruns() async throws {
        let topic = try await PayrollTestKafka.makeTopic()
        var scenario = PayrollScenario(topic: topic)
        try await PayrollTestKafka.send(try scenario.changes(0..<30) + scenario.reversals(of: [2]))
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var lines: [String] = []

        let first = try await export(topic, into: directory, lines: &lines)
        #expect(first.linesAppended == 31)
        let written = try PayrollFiles(directory.path).lengthsOnDisk()

        let again = try await export(topic, into: directory, lines: &lines)
        #expect(again.finished)
        #expect(again.recordsRead == 0)
        #expect(again.linesAppended == 0)
        #expect(again.totalLines == 31)
        #expect(try PayrollFiles(directory.path).lengthsOnDisk() == written)

        let more = try scenario.changes(30..<50) + scenario.reversals(of: [0, 35])
        try await PayrollTestKafka.send(more + scenario.redeliveries([scenario.changeID(5), scenario.reversalID(2), scenario.changeID(40)]))
        let third = try await export(topic, into: directory, lines: &lines)
        #expect(third.recordsRead == 25)
        #expect(third.linesAppended == 22)
        #expect(third.duplicatesSkipped == 3)
        #expect(third.totalLines == 53)
        try expectExactlyOnce(directory, scenario)
    }

    @Test("an undecodable record stops the export after the records before it, naming topic, partition and offset; --skip-undecodable skips and lists it")
    func undecodable() async throws {
        let topic = try await PayrollTestKafka.makeTopic(partitions: 1)
        var scenario = PayrollScenario(topic: topic)
        let before = try scenario.changes(0..<5)
        let after = try scenario.changes(5..<8)
        try await PayrollTestKafka.send(before + [scenario.undecodable()] + after)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var lines: [String] = []

        await #expect {
            _ = try await export(topic, into: directory, lines: &lines)
        } throws: { error in
            guard let error = error as? PayrollExportError else { return false }
            return error.code == .undecodableRecord && error.position == .init(topic: topic, partition: 0, offset: 5)
                && error.description.contains("\(topic)[0]@5") && error.description.contains("change_id")
        }
        #expect(try PayrollFiles(directory.path).lines.count == 5, "the records before it are written")
        #expect(lines.contains { $0.hasPrefix("total: 5 line(s)") }, "the summary is printed on failure too: \(lines)")

        await #expect(throws: PayrollExportError.self, "it stops there again") {
            _ = try await export(topic, into: directory, lines: &lines)
        }
        let skipping = try await export(topic, into: directory, lines: &lines) { $0.skipUndecodable = true }
        #expect(skipping.finished)
        #expect(skipping.linesAppended == 3)
        #expect(skipping.undecodableSkipped.map(\.position) == [.init(topic: topic, partition: 0, offset: 5)])
        #expect(lines.contains { $0.hasPrefix("skipped undecodable record \(topic)[0]@5: invalid_payload") }, "\(lines)")
        try expectExactlyOnce(directory, scenario)
    }

    @Test("a checkpoint beyond the topic's end (the topic was recreated) is refused, not silently skipped past")
    func recreatedTopic() async throws {
        let topic = try await PayrollTestKafka.makeTopic(partitions: 1)
        var scenario = PayrollScenario(topic: topic)
        try await PayrollTestKafka.send(try scenario.changes(0..<3))
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var checkpoint = PayrollCheckpoint(topic: topic)
        checkpoint.offsets = [0: 1_000]
        try checkpoint.save(to: directory.path)
        var lines: [String] = []
        await #expect {
            _ = try await export(topic, into: directory, lines: &lines)
        } throws: { error in
            (error as? PayrollExportError)?.code == .invalidCheckpoint && "\(error)".contains("\(topic)[0] up to offset 1000")
        }
        #expect(try PayrollFiles(directory.path).lines.isEmpty)
    }

    @Test("--follow exports events as they arrive, checkpointing each batch, until cancelled")
    func follows() async throws {
        let topic = try await PayrollTestKafka.makeTopic()
        var scenario = PayrollScenario(topic: topic)
        try await PayrollTestKafka.send(try scenario.changes(0..<10))
        let directory = try ScratchDirectory()
        defer { directory.remove() }

        let path = directory.path
        let following = Task {
            var options = PayrollExportOptions(outputDirectory: path, topic: topic)
            options.follow = true
            options.timeout = .seconds(5)  // bounds only the start when following
            return try await PayrollExport.run(options, configuration: try PayrollTestKafka.configuration(), logger: PayrollTestKafka.logger) { _ in }
        }
        // The checkpoint is replaced atomically once a batch's lines are durable: wait on it, not on the files.
        let recordsCheckpointed = { try PayrollCheckpoint.load(from: path)?.offsets.values.reduce(0, +) ?? 0 }
        try await waitUntil("the first events are exported", timeout: .seconds(60)) { try recordsCheckpointed() == 10 }
        #expect(try PayrollFiles(path).lines.count == 10)
        let later = try scenario.changes(10..<25) + scenario.reversals(of: [3, 12])
        try await PayrollTestKafka.send(later + scenario.redeliveries([scenario.changeID(0)]))
        try await waitUntil("the later events are exported", timeout: .seconds(60)) { try recordsCheckpointed() == 28 }
        following.cancel()
        let summary = try await following.value
        #expect(!summary.finished)
        #expect(summary.linesAppended == 27)
        #expect(summary.duplicatesSkipped == 1)
        try expectExactlyOnce(directory, scenario)
    }
}
