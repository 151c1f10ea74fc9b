import Foundation
import StrideContracts
import StrideDemoKit
import StrideGoals

extension GoalsDemo {
    /// HR closes the period: every goal freezes and each employee's weighted attainment is final.
    func closePeriod(_ period: GoalPeriod) async throws -> PeriodCloseResult {
        let started = ContinuousClock.now
        let closed: PeriodCloseResult = try await client.call("POST", "/v1/periods/\(period.periodID)/close", as: org.hr)
        console.say(
            "   \(closed.period.name) closed by HR in \(DemoFormat.seconds(ContinuousClock.now - started)): "
                + "\(DemoFormat.count(closed.goalCount)) goals frozen, \(DemoFormat.count(closed.ownerCount)) employees' attainment finalized")
        return closed
    }

    /// The distribution of final weighted attainment, read page by page
    /// (`GET /v1/periods/{id}/attainments`) as HR would for calibration.
    func showAttainments(period: GoalPeriod) async throws {
        let pageSize = 100
        let records: [AttainmentRecord] = try await client.all(
            "/v1/periods/\(period.periodID)/attainments", as: org.hr, pageSize: pageSize)
        guard !records.isEmpty else { throw DemoError("no attainments for \(period.name)") }
        let values = records.map { NSDecimalNumber(decimal: $0.weightedAttainmentPercent).doubleValue }
        let bands: [(String, ClosedRange<Double>)] = [
            ("below 50 %", -.infinity...49.995), ("50 – 80 %", 50...79.995), ("80 – 100 %", 80...99.995),
            ("100 – 120 %", 100...119.995), ("120 % and more", 120...(.infinity)),
        ]
        let counts = bands.map { band in values.count { band.1.contains($0) } }
        let pages = (records.count + pageSize - 1) / pageSize
        console.say(
            "   weighted attainment of \(DemoFormat.count(records.count)) employees "
                + "(\(pages) page\(pages == 1 ? "" : "s") of \(pageSize) from /v1/periods/{id}/attainments)")
        for (band, count) in zip(bands, counts) {
            console.say(
                "   " + DemoFormat.left(band.0, 16) + DemoFormat.right(DemoFormat.count(count), 5) + "  "
                    + DemoFormat.histogramBar(count, maximum: counts.max() ?? 0, width: 40))
        }
        let sorted = values.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let mean = values.reduce(0, +) / Double(values.count)
        let lowest = records.min { $0.weightedAttainmentPercent < $1.weightedAttainmentPercent }!
        let highest = records.max { $0.weightedAttainmentPercent < $1.weightedAttainmentPercent }!
        console.say(
            "   mean \(DemoFormat.percent(mean)) · median \(DemoFormat.percent(median)) · "
                + "lowest \(DemoFormat.percent(lowest.weightedAttainmentPercent)) (\(org.label(lowest.employeeID))) · "
                + "highest \(DemoFormat.percent(highest.weightedAttainmentPercent)) (\(org.label(highest.employeeID)))")
        let byDepartment = Dictionary(grouping: records) { org.byID[$0.employeeID]?.department ?? "?" }
            .mapValues { group in group.map { NSDecimalNumber(decimal: $0.weightedAttainmentPercent).doubleValue }.reduce(0, +) / Double(group.count) }
        console.say(
            "   mean by department: "
                + byDepartment.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.1f", $0.value))" }
                .joined(separator: " · "))
    }
}
