import Foundation
import Logging
import StrideContracts
@testable import StridePayrollExport
import Testing

@Suite("Payroll ledger: checkpointed appends and recovery after a crash (temporary directories, no broker)")
struct PayrollLedgerTests {
    static let topic = "stride.payroll.v1"

    /// Change `index`, effective on one of two dates.
    static func line(_ index: Int, date: Int = 0) -> PayrollLine {
        PayrollLine(CompensationChangeApproved(
            changeID: "chg-\(index)", employeeID: "E\(index)", kind: .bonus, amount: Money(amount: Decimal(100 + index), currency: "EUR"),
            previousBaseSalary: nil, newBaseSalary: nil, effectiveDate: [CalendarDate(year: 2026, month: 4, day: 1), CalendarDate(year: 2026, month: 5, day: 1)][date],
            cycleID: "c1", recommendationID: "r\(index)", actorID: "HR1"))
    }

    private func open(_ directory: ScratchDirectory, topic: String = topic) throws -> PayrollLedger {
        try PayrollLedger.open(directory: directory.path, topic: topic, logger: PayrollTestKafka.logger)
    }

    private func contents(_ directory: ScratchDirectory, _ name: String) -> String? {
        FileManager.default.contents(atPath: directory.path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("an append writes the header then the lines, per effective date, and checkpoints offsets and file lengths")
    func appendAndCheckpoint() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var ledger = try open(directory)
        defer { ledger.close() }
        #expect(ledger.lineIDs.isEmpty)
        #expect(ledger.checkpoint == PayrollCheckpoint(topic: Self.topic))

        let appended = try ledger.append([Self.line(1), Self.line(2, date: 1), Self.line(3)], advancingTo: [0: 7, 2: 3])
        #expect(appended == .init(lines: 3, duplicates: 0))
        let april = try #require(contents(directory, "payroll-2026-04-01.csv"))
        #expect(april == PayrollCSV.header + PayrollCSV.line(Self.line(1)) + PayrollCSV.line(Self.line(3)))
        #expect(contents(directory, "payroll-2026-05-01.csv") == PayrollCSV.header + PayrollCSV.line(Self.line(2, date: 1)))

        let saved = try #require(try PayrollCheckpoint.load(from: directory.path))
        #expect(saved == ledger.checkpoint)
        #expect(saved.offsets == [0: 7, 2: 3])
        #expect(saved.files == ["payroll-2026-04-01.csv": Int64(april.utf8.count), "payroll-2026-05-01.csv": Int64(contents(directory, "payroll-2026-05-01.csv")!.utf8.count)])
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + PayrollFileName.checkpointTemporary))
        #expect(ledger.files["payroll-2026-04-01.csv"] == .init(lines: 2, linesAppended: 2, amounts: ["EUR": 204]))

        _ = try ledger.append([Self.line(4)], advancingTo: [0: 9, 1: 1])
        #expect(try PayrollCheckpoint.load(from: directory.path)?.offsets == [0: 9, 1: 1, 2: 3])
        #expect(contents(directory, "payroll-2026-04-01.csv")!.components(separatedBy: "\r\n").filter { $0.hasPrefix("line_id") }.count == 1, "one header")
    }

    @Test("reopening rebuilds the written line ids from the files, so redelivered lines are skipped, also within one batch")
    func duplicatesAcrossRuns() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var first = try open(directory)
        _ = try first.append([Self.line(1), Self.line(2, date: 1)], advancingTo: [0: 2])
        first.close()
        let before = contents(directory, "payroll-2026-04-01.csv")

        var ledger = try open(directory)
        defer { ledger.close() }
        #expect(ledger.lineIDs == ["chg-1", "chg-2"])
        #expect(ledger.files["payroll-2026-04-01.csv"] == .init(lines: 1, linesAppended: 0, amounts: ["EUR": 101]))
        let again = try ledger.append([Self.line(1), Self.line(3), Self.line(3), Self.line(2, date: 1)], advancingTo: [0: 6])
        #expect(again == .init(lines: 1, duplicates: 3))
        #expect(contents(directory, "payroll-2026-04-01.csv") == before! + PayrollCSV.line(Self.line(3)))
        #expect(ledger.checkpoint.offsets == [0: 6])

        let nothingNew = try ledger.append([Self.line(3)], advancingTo: [0: 7])
        #expect(nothingNew == .init(lines: 0, duplicates: 1))
        #expect(try PayrollCheckpoint.load(from: directory.path)?.offsets == [0: 7], "offsets advance without new lines")
    }

    @Test("opening cuts each file to its committed length, deletes files and a temporary checkpoint it does not know, and keeps a header-only file")
    func recovery() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var first = try open(directory)
        _ = try first.append([Self.line(1), Self.line(2)], advancingTo: [0: 2])
        first.close()
        let committed = try #require(contents(directory, "payroll-2026-04-01.csv"))
        // What a batch killed before its checkpoint leaves: a line and a half appended, a new file,
        // a temporary checkpoint.
        let april = try #require(FileHandle(forWritingAtPath: directory.path + "/payroll-2026-04-01.csv"))
        april.seekToEndOfFile()
        april.write(Data((PayrollCSV.line(Self.line(3)) + "chg-4,chan").utf8))
        try april.close()
        let may = directory.path + "/payroll-2026-05-01.csv"
        #expect(FileManager.default.createFile(atPath: may, contents: Data((PayrollCSV.header + PayrollCSV.line(Self.line(5, date: 1))).utf8)))
        #expect(FileManager.default.createFile(atPath: directory.path + "/" + PayrollFileName.checkpointTemporary, contents: Data("{\"ver".utf8)))
        #expect(FileManager.default.createFile(atPath: directory.path + "/notes.txt", contents: Data("mine".utf8)))

        var ledger = try open(directory)
        defer { ledger.close() }
        #expect(contents(directory, "payroll-2026-04-01.csv") == committed)
        #expect(!FileManager.default.fileExists(atPath: may))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + PayrollFileName.checkpointTemporary))
        #expect(contents(directory, "notes.txt") == "mine", "files that are not payroll files are left alone")
        #expect(ledger.lineIDs == ["chg-1", "chg-2"])
        #expect(ledger.checkpoint.offsets == [0: 2], "reading resumes after the last committed batch")

        // The batch is read again and written once.
        let replayed = try ledger.append([Self.line(2), Self.line(3), Self.line(4), Self.line(5, date: 1)], advancingTo: [0: 6])
        #expect(replayed == .init(lines: 3, duplicates: 1))
        let files = try PayrollFiles(directory.path)
        #expect(files.lineIDCounts == ["chg-1": 1, "chg-2": 1, "chg-3": 1, "chg-4": 1, "chg-5": 1])

        // A header-only file the checkpoint knows is fine.
        var checkpoint = ledger.checkpoint
        ledger.close()
        #expect(FileManager.default.createFile(atPath: directory.path + "/payroll-2026-06-01.csv", contents: Data(PayrollCSV.header.utf8)))
        checkpoint.files["payroll-2026-06-01.csv"] = Int64(PayrollCSV.header.utf8.count)
        try checkpoint.save(to: directory.path)
        var reopened = try open(directory)
        defer { reopened.close() }
        #expect(reopened.files["payroll-2026-06-01.csv"] == .init())
        #expect(reopened.lineIDs.count == 5)
    }

    @Test("a crash before the first checkpoint leaves no file behind")
    func crashBeforeFirstCheckpoint() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        #expect(FileManager.default.createFile(
            atPath: directory.path + "/payroll-2026-04-01.csv", contents: Data((PayrollCSV.header + PayrollCSV.line(Self.line(1))).utf8)))
        var ledger = try open(directory)
        defer { ledger.close() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(PayrollFileName.isPayrollFile).isEmpty)
        #expect(ledger.lineIDs.isEmpty)
        #expect(try ledger.append([Self.line(1)], advancingTo: [0: 1]).lines == 1)
    }

    @Test("refused: another topic's checkpoint, a committed file that is missing or shorter, a second export of the same directory")
    func refusals() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var ledger = try open(directory)
        _ = try ledger.append([Self.line(1)], advancingTo: [0: 1])

        #expect { _ = try open(directory) } throws: { error in
            (error as? PayrollExportError)?.code == .inconsistentOutput && "\(error)".contains("another payroll export")
        }
        ledger.close()

        #expect { _ = try open(directory, topic: "other.topic") } throws: { error in
            (error as? PayrollExportError)?.code == .invalidCheckpoint && "\(error)".contains("other.topic")
        }

        let path = directory.path + "/payroll-2026-04-01.csv"
        let committed = try #require(FileManager.default.contents(atPath: path))
        try Data(committed.prefix(committed.count - 3)).write(to: URL(fileURLWithPath: path))
        #expect { _ = try open(directory) } throws: { error in
            (error as? PayrollExportError)?.code == .inconsistentOutput && "\(error)".contains("payroll-2026-04-01.csv")
        }

        try FileManager.default.removeItem(atPath: path)
        #expect { _ = try open(directory) } throws: { error in
            (error as? PayrollExportError)?.code == .inconsistentOutput && "\(error)".contains("missing")
        }

        try Data("{\"version\":1".utf8).write(to: URL(fileURLWithPath: directory.path + "/" + PayrollFileName.checkpoint))
        #expect { _ = try open(directory) } throws: { error in (error as? PayrollExportError)?.code == .invalidCheckpoint }
    }
}
