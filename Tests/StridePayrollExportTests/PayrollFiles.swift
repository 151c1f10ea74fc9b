import Foundation
@testable import StridePayrollExport
import StrideTestSupport
import Testing

/// What an output directory holds, read the way a payroll system would read it.
struct PayrollFiles {
    /// One line of a file, by column name.
    struct Line {
        var file: String
        var fields: [String: String]

        subscript(_ column: String) -> String { fields[column] ?? "" }
    }

    let directory: String
    /// Every line of every payroll file, in file then line order.
    var lines: [Line] = []
    /// The payroll files' names.
    var fileNames: [String] = []

    /// Reads every payroll file of `directory`, requiring each to start with the header.
    init(_ directory: String) throws {
        self.directory = directory
        fileNames = try FileManager.default.contentsOfDirectory(atPath: directory).filter(PayrollFileName.isPayrollFile).sorted()
        for name in fileNames {
            let data = try #require(FileManager.default.contents(atPath: directory + "/" + name))
            let records = try PayrollCSV.records(in: Array(data))
            #expect(records.first == PayrollCSV.columns, "\(name) starts with the header")
            for record in records.dropFirst() {
                #expect(record.count == PayrollCSV.columns.count, "\(name): \(record)")
                lines.append(Line(file: name, fields: Dictionary(uniqueKeysWithValues: zip(PayrollCSV.columns, record))))
            }
        }
    }

    /// Each expected line id exactly once and nothing else; failures name a few of the offending ids.
    func expectExactlyOnce(_ expected: some Collection<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        let counts = lineIDCounts
        let twice = counts.filter { $0.value > 1 }.keys.sorted()
        let lost = Set(expected).subtracting(counts.keys).sorted()
        let unexpected = Set(counts.keys).subtracting(expected).sorted()
        #expect(twice.isEmpty, "\(twice.count) line(s) more than once, e.g. \(twice.prefix(5))", sourceLocation: sourceLocation)
        #expect(lost.isEmpty, "\(lost.count) line(s) missing, e.g. \(lost.prefix(5))", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "\(unexpected.count) unexpected line(s), e.g. \(unexpected.prefix(5))", sourceLocation: sourceLocation)
    }

    /// How often each line id appears.
    var lineIDCounts: [String: Int] { lines.reduce(into: [:]) { $0[$1["line_id"], default: 0] += 1 } }

    /// Per file, the line count and sums per currency, from the CSV text.
    var totals: [String: PayrollExportSummary.FileTotals] {
        lines.reduce(into: [:]) { files, line in
            files[line.file, default: .init()].add(Decimal(string: line["amount"])!, currency: line["currency"], appended: false)
        }
    }

    /// The checkpoint's committed length per file, or `nil` when there is no checkpoint.
    func committedLengths() throws -> [String: Int64]? {
        try PayrollCheckpoint.load(from: directory)?.files
    }

    /// Each payroll file's length on disk.
    func lengthsOnDisk() throws -> [String: Int64] {
        try fileNames.reduce(into: [:]) { lengths, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            lengths[name] = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        }
    }
}

/// A fresh empty directory under the system's temporary directory; removed by ``remove()``.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent(TestEnvironment.uniqueName("payroll-export")).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
