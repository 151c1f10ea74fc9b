import Foundation
import StrideContracts
import StrideDemoKit
import StridePayrollExport

/// One line of a payroll file, as the payroll team reads it back.
struct PayrollFileLine: Sendable {
    var file: String
    var lineID: String
    /// `change` or `reversal`.
    var lineKind: String
    var cycleID: String
    var amount: Decimal
    var currency: String
}

extension IncentivesDemo {
    /// The payroll team's side: waits until the service's payroll events for the cycle are on
    /// `stride.payroll.v1`, runs the reference consumer (`stride payroll export`) into a new
    /// directory, reads its CSV files back and checks this cycle's lines against the changes HR
    /// sees: one line per change and per reversal, each id once, and per currency the sum of the
    /// lines equal to what was approved minus what was reversed — which is in turn what the
    /// approved recommendations and the accepted promotions pay.
    /// - Returns: the cycle's changes, for the event check.
    /// - Throws: ``DemoError`` when the files and the approved changes disagree.
    func exportPayroll(of cycle: CompCycleView) async throws -> [ChangeView] {
        let changes = try await changes(of: cycle)
        let reversals = changes.filter { $0.reversalID != nil }
        let expectedLines = changes.count + reversals.count
        let approved = sums(changes.map(\.amount))
        let reversed = sums(reversals.map(\.amount))
        let net = approved.merging(reversed.mapValues { -$0 }, uniquingKeysWith: +)

        // HR's side of the same money: the approved recommendations and the accepted promotions.
        let recommended = try await recommendations(of: cycle, "status=approved")
        let promoted = changes.filter { $0.kind == "promotion" && $0.reversalID == nil }
        let decided = sums(recommended.map { Money(amount: $0.cost, currency: $0.currentSalary.currency) } + promoted.map(\.amount))
        guard nonZero(decided) == nonZero(net) else {
            throw DemoError("the standing changes (\(IncentivesFormat.totals(net))) do not pay what was approved (\(IncentivesFormat.totals(decided)))")
        }

        let arrived = await events.payroll.wait(timeout: .seconds(60)) { counts in
            counts[CompensationChangeApproved.eventType, default: 0] >= changes.count
                && counts[CompensationChangeReversed.eventType, default: 0] >= reversals.count
        }
        if !arrived { console.say("   not every payroll event of the cycle has been seen on \(StrideTopic.payroll.rawValue) after 60 s; exporting what is there") }

        let stamp = DemoFormat.utc(context.startedAt).prefix(19).replacingOccurrences(of: " ", with: "T").replacingOccurrences(of: ":", with: "")
        let directory = "\(payrollDirectory)/\(stamp)-\(tag)"
        var options = PayrollExportOptions(outputDirectory: directory)
        options.timeout = .seconds(120)
        let context = self.context
        // The export stops at the topic's ends as they were when it started; run it again (it goes on
        // from its checkpoint) until this cycle's lines are all there.
        let ((summary, lines), waited) = try await poll(
            until: "the payroll export has written the cycle's \(expectedLines) lines", timeout: .seconds(90), every: .seconds(1)
        ) { () async throws -> (PayrollExportSummary, [PayrollFileLine])? in
            let summary = try await PayrollExport.run(options, configuration: context.kafka, logger: context.logger, output: { _ in })
            let lines = try Self.lines(of: cycle.compCycleID, in: directory, files: summary.files.keys.sorted())
            return lines.count >= expectedLines ? (summary, lines) : nil
        }
        console.say("   stride payroll export → \(directory)/ (\(DemoFormat.seconds(waited))), as the payroll team runs it:")
        for line in summary.lines { console.say("     " + line) }

        console.say("   this cycle's lines (cycle_id \(cycle.compCycleID)), per file:")
        for (file, fileLines) in Dictionary(grouping: lines, by: \.file).sorted(by: { $0.key < $1.key }) {
            let reversalCount = fileLines.count { $0.lineKind == "reversal" }
            console.say(
                "     " + DemoFormat.left(file, 24) + DemoFormat.right("\(fileLines.count) lines", 11)
                    + DemoFormat.left(" (\(Self.counted(fileLines.count - reversalCount, "change")), \(Self.counted(reversalCount, "reversal")))", 30)
                    + IncentivesFormat.totals(sums(fileLines.map { Money(amount: $0.amount, currency: $0.currency) })))
        }

        var problems: [String] = []
        console.say("   the payroll team's check against HR's approved changes (GET /v1/comp-cycles/{id}/changes):")
        let linesOK = lines.count == expectedLines
        console.say(
            "     lines: \(lines.count) in the files = \(Self.counted(changes.count, "change")) + \(Self.counted(reversals.count, "reversal"))" + (linesOK ? " ✓" : " ✗"))
        if !linesOK { problems.append("\(lines.count) lines for \(expectedLines) changes and reversals") }
        let ids = lines.map(\.lineID)
        let wanted = Set(changes.map(\.changeID) + reversals.compactMap(\.reversalID))
        let idsOK = Set(ids) == wanted && ids.count == Set(ids).count
        console.say("     ids: every change id and reversal id exactly once" + (idsOK ? " ✓" : " ✗"))
        if !idsOK { problems.append("the files' line ids differ from the changes' and reversals' ids") }
        let written = sums(lines.map { Money(amount: $0.amount, currency: $0.currency) })
        for currency in Set(net.keys).union(written.keys).sorted() {
            let want = net[currency, default: 0]
            let have = written[currency, default: 0]
            console.say(
                "     \(currency): the lines sum to \(IncentivesFormat.amount(have, currency)) = approved"
                    + " \(IncentivesFormat.amount(approved[currency, default: 0], currency)) − reversed"
                    + " \(IncentivesFormat.amount(reversed[currency, default: 0], currency))" + (have == want ? " ✓" : " ✗"))
            if have != want { problems.append("\(currency) lines sum to \(have), expected \(want)") }
        }
        console.say("     and what stands is what HR approved: \(IncentivesFormat.totals(decided)) (recommendations and promotions) ✓")
        guard problems.isEmpty else { throw DemoError("the payroll files disagree with the approved changes: \(problems.joined(separator: "; "))") }
        return changes
    }

    /// "1 reversal", "2 reversals".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Per currency, the sum.
    func sums(_ amounts: [Money]) -> [String: Decimal] {
        amounts.reduce(into: [:]) { $0[$1.currency, default: 0] += $1.amount }
    }

    /// Without the currencies whose sum is 0.
    private func nonZero(_ sums: [String: Decimal]) -> [String: Decimal] {
        sums.filter { $0.value != 0 }
    }

    /// The lines of `cycleID` in the payroll files `files` of `directory`.
    static func lines(of cycleID: String, in directory: String, files: [String]) throws -> [PayrollFileLine] {
        let column = Dictionary(uniqueKeysWithValues: PayrollCSV.columns.enumerated().map { ($1, $0) })
        var lines: [PayrollFileLine] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(file)") else { throw DemoError("cannot read \(directory)/\(file)") }
            let records = try PayrollCSV.records(in: [UInt8](data))
            guard records.first == PayrollCSV.columns else { throw DemoError("\(file) does not start with the header \(PayrollCSV.columns)") }
            for record in records.dropFirst() where record.count == PayrollCSV.columns.count && record[column["cycle_id"]!] == cycleID {
                guard let amount = Decimal(string: record[column["amount"]!], locale: Locale(identifier: "en_US_POSIX")) else {
                    throw DemoError("\(file): the amount \(record[column["amount"]!]) is not a number")
                }
                lines.append(PayrollFileLine(
                    file: file, lineID: record[column["line_id"]!], lineKind: record[column["line_kind"]!], cycleID: cycleID, amount: amount,
                    currency: record[column["currency"]!]))
            }
        }
        return lines
    }

    /// The events on both topics against what the part did and what the service answered.
    func checkEvents(tally: Tally, changes: [ChangeView]) async throws {
        console.say("   \(StrideTopic.incentives.rawValue):")
        try await events.incentives.check(
            [
                .init(MeritRecommended.eventType, "MeritRecommended", tally.meritRecommended),
                .init(BonusRecommended.eventType, "BonusRecommended", tally.bonusRecommended),
                .init(RecommendationAdjusted.eventType, "RecommendationAdjusted", tally.adjusted),
                .init(RecommendationApproved.eventType, "RecommendationApproved", tally.approved),
                .init(PromotionRecommended.eventType, "PromotionRecommended", tally.promotions),
                .init(DevelopmentActionRecommended.eventType, "DevelopmentActionRecommended", tally.developmentActions),
                .init(ConsequenceReviewRequired.eventType, "ConsequenceReviewRequired", tally.consequenceReviews),
            ], topic: StrideTopic.incentives.rawValue, on: console)
        console.say("   \(StrideTopic.payroll.rawValue):")
        try await events.payroll.check(
            [
                .init(CompensationChangeApproved.eventType, "CompensationChangeApproved", changes.count),
                .init(CompensationChangeReversed.eventType, "CompensationChangeReversed", changes.count { $0.reversalID != nil }),
            ], topic: StrideTopic.payroll.rawValue, on: console)
    }
}
