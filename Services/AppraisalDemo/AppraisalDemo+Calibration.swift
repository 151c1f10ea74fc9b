import Foundation
import StrideContracts
import StrideDemoKit
import StrideRuntime

extension AppraisalDemo {
    /// One session per department, its head taking part with HR, against the guideline. The
    /// distribution of the one furthest from the guideline is shown before and after one adjustment
    /// (with its reason), and its nine-box; every session is then locked.
    func calibrate(_ cycle: CycleView, tally: inout Tally) async throws {
        let guideline = AppraisalScenario.guideline
        let scored = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)
        console.say(
            "   guideline: " + guideline.targets.map { "\($0.level): \($0.targetPercent) %" }.joined(separator: " · ")
                + ", ± \(guideline.tolerancePercent) points")
        var sessions: [(department: String, session: SessionView, before: DistributionView)] = []
        for department in departments {
            let session: SessionView = try await client.call(
                "POST", "/v1/cycles/\(cycle.cycleID)/calibration-sessions", as: org.hr, expect: 201,
                body: SessionBody(
                    name: "\(department) calibration", departments: [department], guideline: guideline,
                    participants: org.heads[department].map { [$0] } ?? []))
            tally.distributionChanges += 1
            sessions.append((department, session, try await client.call("GET", "/v1/calibration-sessions/\(session.sessionID)/distribution", as: org.hr)))
        }
        // The session furthest from the guideline is discussed in full; the others are looked at and left.
        let discussed = sessions.max { $0.before.cells.count { $0.status != "within" } < $1.before.cells.count { $0.status != "within" } }?.session.sessionID
        for (department, session, before) in sessions {
            let path = "/v1/calibration-sessions/\(session.sessionID)"
            if session.sessionID == discussed {
                console.say("   \(session.name) (\(before.populationCount) people, with \(org.label(org.heads[department] ?? org.hr))) before:")
                show(before)
                if let adjustment = adjustment(for: before, appraisals: scored.filter { $0.department == department }) {
                    try await client.perform("POST", "\(path)/adjustments", as: org.hr, expect: 201, body: adjustment.body)
                    tally.adjustments += 1
                    tally.distributionChanges += 1
                    console.say(
                        "   HR moves \(org.label(adjustment.employee)) from level \(adjustment.from) to \(adjustment.body.ratingLevel):"
                            + " \"\(adjustment.body.reason)\"; after:")
                    show(try await client.call("GET", "\(path)/distribution", as: org.hr))
                }
                let nineBox: NineBoxView = try await client.call("GET", "\(path)/nine-box", as: org.hr)
                showNineBox(nineBox)
            } else {
                console.say(
                    "   \(session.name) (\(before.populationCount) people): "
                        + before.cells.map { "\($0.level): \($0.count) \($0.status)" }.joined(separator: " · ") + "; no change")
            }
            try await client.perform("POST", "\(path)/lock", as: org.hr)
            tally.distributionChanges += 1
        }
        console.say("   \(departments.count) sessions locked")
    }

    /// Prints a distribution, one level a line.
    func show(_ distribution: DistributionView) {
        let most = distribution.cells.map(\.count).max() ?? 0
        for cell in distribution.cells {
            console.say(
                "     " + DemoFormat.left("\(cell.level) \(cell.label)", 24) + DemoFormat.right("\(cell.count)", 4)
                    + DemoFormat.right("\(cell.actualPercent) %", 10) + "  target " + DemoFormat.left("\(cell.targetPercent) %", 6)
                    + DemoFormat.left(cell.status, 8) + DemoFormat.histogramBar(cell.count, maximum: most, width: 24))
        }
    }

    /// Prints the nine-box: potential from high (top) to low, performance from low (left) to high.
    func showNineBox(_ nineBox: NineBoxView) {
        let levels: [TalentLevel] = [.low, .moderate, .high]
        func count(_ performance: TalentLevel, _ potential: TalentLevel) -> Int {
            nineBox.cells.first { $0.cell.performance == performance && $0.cell.potential == potential }?.employeeIDs.count ?? 0
        }
        console.say("   nine-box (potential ↑ × performance →):")
        for potential in levels.reversed() {
            console.say(
                "     " + DemoFormat.left(potential.rawValue, 10)
                    + levels.map { "│" + DemoFormat.right("\(count($0, potential))", 6) + "   " }.joined() + "│")
        }
        console.say("     " + DemoFormat.left("", 10) + levels.map { " " + DemoFormat.left($0.rawValue, 9) }.joined())
    }

    /// One adjustment that brings the distribution closer to the guideline: someone from the level
    /// most above its target range to the neighbouring level most below it (or, when every level is
    /// within, from the fullest level above "meets" one down).
    func adjustment(for distribution: DistributionView, appraisals: [AppraisalView])
        -> (employee: String, from: Int, body: AdjustmentBody)?
    {
        let over = distribution.cells.filter { $0.status == "above" && $0.count > 0 }.max { $0.count < $1.count }
            ?? distribution.cells.filter { $0.level > 3 && $0.count > 0 }.max { $0.count < $1.count }
            ?? distribution.cells.filter { $0.count > 0 }.max { $0.count < $1.count }
        guard let over else { return nil }
        let neighbours = distribution.cells.filter { abs($0.level - over.level) == 1 }
        guard let target = neighbours.first(where: { $0.status == "below" }) ?? neighbours.min(by: { $0.level < $1.level }) else { return nil }
        guard let appraisal = appraisals.filter({ $0.ratingLevel == over.level && $0.employeeID != org.hr })
            .sorted(by: {
                let (a, b) = ($0.finalScore.flatMap(Double.init) ?? 0, $1.finalScore.flatMap(Double.init) ?? 0)
                return target.level < over.level ? a < b : a > b
            })
            .first
        else { return nil }
        let reason = "\(target.level < over.level ? "Lowest" : "Highest") final score at level \(over.level); the panel agreed the year's evidence fits level \(target.level) better."
        return (appraisal.employeeID, over.level, AdjustmentBody(appraisalID: appraisal.appraisalID, ratingLevel: target.level, reason: reason))
    }
}
