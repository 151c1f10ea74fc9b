import Foundation
import StrideContracts
import StrideDemoKit
import StrideRuntime

extension AppraisalDemo {
    /// After release: most employees acknowledge (seen, not agreed); one who has not disputes their
    /// rating, HR amends it by a level (version 2) and they acknowledge the new version.
    /// - Returns: every appraisal of the cycle as finalized, the amended one in version 2.
    func respond(to cycle: CycleView, attainments: [String: Double], tally: inout Tally) async throws -> [FinalizedAppraisal] {
        let released = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)
        let levels = Dictionary(grouping: released.compactMap(\.ratingLevel), by: { $0 }).mapValues(\.count)
        console.say(
            "   \(released.count) appraisals released as version 1 (AppraisalFinalized each): "
                + (1...5).map { "\($0): \(levels[$0, default: 0])" }.joined(separator: " · "))
        let disputer = released.filter { ($0.ratingLevel ?? 5) < 5 && $0.employeeID != org.hr }
            .min { DemoProfile.unit("\($0.employeeID)/dispute") < DemoProfile.unit("\($1.employeeID)/dispute") }
        let acknowledging = released.filter { $0.appraisalID != disputer?.appraisalID && DemoProfile.unit("\($0.employeeID)/acknowledge") < 0.8 }
        _ = try await concurrently(acknowledging, limit: context.concurrency) { [client] appraisal in
            try await client.perform(
                "POST", "/v1/appraisals/\(appraisal.appraisalID)/acknowledge", as: appraisal.employeeID,
                body: AcknowledgementBody(comment: "Seen; thank you for the conversation."))
        }
        tally.acknowledged += acknowledging.count
        console.say("   \(acknowledging.count) employees acknowledged (\"I have seen it\"); \(released.count - acknowledging.count) not yet")

        var amendedID: String?
        if let disputer, let level = disputer.ratingLevel {
            let appraisalPath = "/v1/appraisals/\(disputer.appraisalID)"
            let dispute: DisputeView = try await client.call(
                "POST", "\(appraisalPath)/disputes", as: disputer.employeeID, expect: 201,
                body: DisputeBody(
                    disputedFields: ["rating"],
                    reason: "The rating leaves out the customer escalation I resolved in Q3, which my goals did not cover."))
            tally.disputed += 1
            let resolved: DisputeView = try await client.call(
                "POST", "/v1/disputes/\(dispute.disputeID)/resolve", as: org.hr,
                body: ResolutionBody(
                    resolution: .amended, comment: "The Q3 escalation is documented evidence; the rating goes up one level.",
                    ratingLevel: level + 1))
            tally.resolved += 1
            tally.finalized += 1
            let amended: AppraisalView = try await client.call("GET", appraisalPath, as: disputer.employeeID)
            try await client.perform(
                "POST", "\(appraisalPath)/acknowledge", as: disputer.employeeID, body: AcknowledgementBody(comment: "Seen the amended rating."))
            tally.acknowledged += 1
            amendedID = disputer.appraisalID
            console.say(
                "   \(org.label(disputer.employeeID)) disputes the rating (level \(level)); HR resolves it \(resolved.status):"
                    + " level \(amended.ratingLevel ?? 0), version \(amended.version) (a second AppraisalFinalized); the employee acknowledges it")
        }

        let current = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)
        if let amendedID, current.first(where: { $0.appraisalID == amendedID })?.version != 2 {
            throw DemoError("the amended appraisal \(amendedID) is not in version 2")
        }
        return current.compactMap { appraisal in
            guard let level = appraisal.ratingLevel, let manager = appraisal.managerID else { return nil }
            return FinalizedAppraisal(
                appraisalID: appraisal.appraisalID, cycleID: cycle.cycleID, employeeID: appraisal.employeeID, managerID: manager,
                version: appraisal.version, finalScore: appraisal.finalScore ?? "", ratingLevel: level,
                ratingLabel: AppraisalScenario.labels[level - 1], scaleMaximum: AppraisalScenario.labels.count,
                potential: appraisal.potential?.rawValue ?? TalentLevel.moderate.rawValue, attainment: attainments[appraisal.employeeID] ?? 0)
        }
    }
}
