import Foundation
import StrideContracts
import StrideDemoKit

extension IncentivesDemo {
    /// The cycle's compensation changes, as HR sees what payroll was sent.
    func changes(of cycle: CompCycleView) async throws -> [ChangeView] {
        try await client.all("/v1/comp-cycles/\(cycle.compCycleID)/changes", as: org.hr, decoding: ChangeView.self)
    }

    /// `merit EUR 2,400.00`.
    func describe(_ change: ChangeView) -> String {
        "\(change.kind.replacingOccurrences(of: "_", with: " ")) \(IncentivesFormat.money(change.amount))"
    }

    /// The appraisal part resolves its open dispute as amended (a rating a level up, version 2);
    /// the incentives service recomputes the employee's approved merit and bonus, reverses every
    /// change payroll received for them and sends new ones. Waits (polling the employee's
    /// recommendations) until the correction is there, then shows the changes before and after.
    /// - Returns: the employee whose pay was corrected; nil when nothing was disputed or the
    ///   employee is not in the cycle.
    func correct(_ cycle: CompCycleView, tally: inout Tally) async throws -> String? {
        guard let disputed = appraisals.disputed else {
            console.say("   no appraisal dispute is open: nothing to correct")
            return nil
        }
        let employee = disputed.employeeID
        let query = "employee_id=\(IncentivesFormat.escaped(employee))"
        let own = try await recommendations(of: cycle, query)
        let before = try await changes(of: cycle).filter { $0.employeeID == employee }
        console.say(
            "   \(org.label(employee)) was paid on the released rating (level \(disputed.ratingLevel), appraisal version \(disputed.version)): "
                + (before.isEmpty ? "nothing" : before.map(describe).joined(separator: " · ")) + " approved and sent to payroll")
        guard let amended = try await amendDispute() else { throw DemoError("the appraisal part resolved no dispute") }
        guard !own.isEmpty else {
            console.say("   \(org.label(employee)) is not in the compensation cycle: nothing to correct")
            return nil
        }
        let (corrected, waited) = try await poll(
            until: "the incentives service corrects \(employee)'s pay to appraisal version \(amended.version) (AppraisalFinalized)",
            timeout: .seconds(120), every: .milliseconds(250)
        ) { () async throws -> [RecommendationView]? in
            let now = try await recommendations(of: cycle, query)
            return now.count == own.count && now.allSatisfy({ $0.appraisalVersion == amended.version }) ? now : nil
        }
        let after = try await changes(of: cycle).filter { $0.employeeID == employee }
        let standing = before.filter { old in after.first { $0.changeID == old.changeID }?.reversalID == nil }
        guard standing.isEmpty else {
            throw DemoError("the correction left \(standing.map(\.changeID)) of \(employee) unreversed")
        }
        let made = after.filter { new in !before.contains { $0.changeID == new.changeID } }
        tally.meritRecommended += corrected.count { $0.kind == "merit" }
        tally.bonusRecommended += corrected.count { $0.kind == "bonus" }
        tally.approved += corrected.count { $0.status == "approved" }
        console.say(
            "   stride-incentives read the second AppraisalFinalized (after \(DemoFormat.seconds(waited))): level \(amended.ratingLevel),"
                + " the recommendations re-announced (MeritRecommended, BonusRecommended) and approved again (RecommendationApproved)",
            "     reversed (CompensationChangeReversed): " + (before.isEmpty ? "nothing" : before.map(describe).joined(separator: " · ")),
            "     sent anew (CompensationChangeApproved): " + (made.isEmpty ? "nothing" : made.map(describe).joined(separator: " · ")),
            "     never an edit: every reversal and new change has its own id, payroll applies each once")
        try await checkPools(
            of: cycle, heading: "HR's check after the correction", tolerated: Set(corrected.map(\.department)))
        return employee
    }

    /// HR releases the cycle; `reader` (the employee whose pay was corrected, else one adjusted)
    /// asks for their letter before (not found) and after.
    func release(_ cycle: CompCycleView, reader: String?) async throws {
        let path = "/v1/comp-cycles/\(cycle.compCycleID)"
        var early: ServiceClient.Reply?
        if let reader { early = try await client.send("GET", "\(path)/letters/\(reader)", as: reader) }
        let released: CompCycleView = try await client.call("POST", "\(path)/release", as: org.hr)
        guard released.status == "released" else { throw DemoError("the released cycle is \(released.status)") }
        guard let reader, let early else {
            console.say("   HR releases the cycle → \(released.status)")
            return
        }
        guard early.status == 404 else { throw DemoError("before the release the letter answered \(early.status) to its employee, not 404") }
        console.say("   before the release \(org.label(reader)) finds no letter (HTTP \(early.status)); HR releases the cycle → \(released.status)")
        let letter: LetterView = try await client.call("GET", "\(path)/letters/\(reader)", as: reader)
        let money = IncentivesFormat.money
        var lines = ["   \(org.label(reader))'s letter, \(letter.cycleName):"]
        lines.append(
            "     rating " + (letter.rating.map { "\($0.level) \($0.label)" } ?? "none") + " · base salary "
                + (letter.currentSalary.map(money) ?? "?"))
        if let increase = letter.meritIncrease {
            lines.append(
                "     merit increase \(IncentivesFormat.decimal(letter.meritPercent ?? 0)) % = \(money(increase)) from \(letter.effectiveDate)"
                    + (letter.newSalary.map { " → new base salary \(money($0))" } ?? "")
                    + (letter.lumpSum.map { $0.amount > 0 ? ", and \(money($0)) once (above the band maximum)" : "" } ?? ""))
        }
        if let bonus = letter.bonus { lines.append("     bonus \(money(bonus)), paid \(letter.payoutDate)") }
        lines.append(
            "     what payroll received: "
                + letter.changes.map { describe($0) + ($0.reversalID != nil ? " (reversed)" : "") }.joined(separator: " · "))
        console.say(lines.joined(separator: "\n"))
    }
}
