import Foundation
import StrideContracts
import StrideDemoKit
import StrideRuntime

/// The dispute an employee raised at release, left open until ``AppraisalDemo/resolveDispute(_:)``.
struct OpenDispute: Sendable {
    var disputeID: String
    var appraisalID: String
    var employeeID: String
    var ratingLevel: Int
}

extension AppraisalDemo {
    /// After release: most employees acknowledge (seen, not agreed); one who has not disputes their
    /// rating. The dispute stays open while the year's pay is decided (``resolveDispute(_:)``).
    /// - Returns: every appraisal of the cycle as finalized (version 1), and the open dispute.
    func respond(to cycle: CycleView, attainments: [String: Double], tally: inout Tally) async throws
        -> (finalized: [FinalizedAppraisal], dispute: OpenDispute?)
    {
        let released = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)
        let levels = Dictionary(grouping: released.compactMap(\.ratingLevel), by: { $0 }).mapValues(\.count)
        console.say(
            "   \(released.count) appraisals released as version 1 (AppraisalFinalized each): "
                + (1...5).map { "\($0): \(levels[$0, default: 0])" }.joined(separator: " · "))
        // An active employee rated 2–4 (so an amendment by a level changes what they are paid), else anyone below 5.
        func draw(_ appraisal: AppraisalView) -> Double { DemoProfile.unit("\(appraisal.employeeID)/dispute") }
        let candidates = released.filter { ($0.ratingLevel ?? 5) < 5 && $0.employeeID != org.hr }
        let disputer = candidates.filter { (2...4).contains($0.ratingLevel ?? 0) && org.byID[$0.employeeID]?.status == .active }
            .min { draw($0) < draw($1) } ?? candidates.min { draw($0) < draw($1) }
        let acknowledging = released.filter { $0.appraisalID != disputer?.appraisalID && DemoProfile.unit("\($0.employeeID)/acknowledge") < 0.8 }
        _ = try await concurrently(acknowledging, limit: context.concurrency) { [client] appraisal in
            try await client.perform(
                "POST", "/v1/appraisals/\(appraisal.appraisalID)/acknowledge", as: appraisal.employeeID,
                body: AcknowledgementBody(comment: "Seen; thank you for the conversation."))
        }
        tally.acknowledged += acknowledging.count
        console.say("   \(acknowledging.count) employees acknowledged (\"I have seen it\"); \(released.count - acknowledging.count) not yet")

        var raised: OpenDispute?
        if let disputer, let level = disputer.ratingLevel {
            let dispute: DisputeView = try await client.call(
                "POST", "/v1/appraisals/\(disputer.appraisalID)/disputes", as: disputer.employeeID, expect: 201,
                body: DisputeBody(
                    disputedFields: ["rating"],
                    reason: "The rating leaves out the customer escalation I resolved in Q3, which my goals did not cover."))
            tally.disputed += 1
            raised = OpenDispute(disputeID: dispute.disputeID, appraisalID: disputer.appraisalID, employeeID: disputer.employeeID, ratingLevel: level)
            console.say(
                "   \(org.label(disputer.employeeID)) disputes the rating (level \(level), AppraisalDisputed): the dispute is \(dispute.status),"
                    + " and stays open while the year's pay is decided on the released rating")
        }
        return (released.compactMap { finalized($0, in: cycle, attainments: attainments) }, raised)
    }

    /// HR resolves the dispute raised at release as amended: the rating goes up a level (version 2,
    /// a second `AppraisalFinalized`, which the incentives service turns into a correction of the
    /// pay it approved), and the employee acknowledges the new version.
    /// - Returns: the appraisal as amended; nil when no dispute is open.
    package func resolveDispute(_ released: Released) async throws -> FinalizedAppraisal? {
        guard let dispute = released.dispute else {
            console.say("   no dispute is open")
            return nil
        }
        var tally = Tally()
        let appraisalPath = "/v1/appraisals/\(dispute.appraisalID)"
        let resolved: DisputeView = try await client.call(
            "POST", "/v1/disputes/\(dispute.disputeID)/resolve", as: org.hr,
            body: ResolutionBody(
                resolution: .amended, comment: "The Q3 escalation is documented evidence; the rating goes up one level.",
                ratingLevel: dispute.ratingLevel + 1))
        tally.resolved += 1
        tally.finalized += 1
        let amended: AppraisalView = try await client.call("GET", appraisalPath, as: dispute.employeeID)
        guard amended.version == 2, amended.ratingLevel == dispute.ratingLevel + 1 else {
            throw DemoError("the amended appraisal \(dispute.appraisalID) is in version \(amended.version) at level \(amended.ratingLevel ?? 0), not version 2 at level \(dispute.ratingLevel + 1)")
        }
        try await client.perform(
            "POST", "\(appraisalPath)/acknowledge", as: dispute.employeeID, body: AcknowledgementBody(comment: "Seen the amended rating."))
        tally.acknowledged += 1
        released.afterRelease.add(tally)
        console.say(
            "   HR resolves \(org.label(dispute.employeeID))'s dispute \(resolved.status): level \(dispute.ratingLevel) → \(amended.ratingLevel ?? 0),"
                + " version \(amended.version) (AppraisalDisputeResolved, a second AppraisalFinalized); the employee acknowledges it")
        let attainment = released.finalized.first { $0.appraisalID == dispute.appraisalID }?.attainment ?? 0
        return finalized(amended, in: released.cycle, attainments: [amended.employeeID: attainment])
    }

    /// An appraisal as the parts after this one see it; nil while it has no rating or manager.
    private func finalized(_ appraisal: AppraisalView, in cycle: CycleView, attainments: [String: Double]) -> FinalizedAppraisal? {
        guard let level = appraisal.ratingLevel, let manager = appraisal.managerID else { return nil }
        return FinalizedAppraisal(
            appraisalID: appraisal.appraisalID, cycleID: cycle.cycleID, employeeID: appraisal.employeeID, managerID: manager,
            version: appraisal.version, finalScore: appraisal.finalScore ?? "", ratingLevel: level,
            ratingLabel: AppraisalScenario.labels[level - 1], scaleMaximum: AppraisalScenario.labels.count,
            potential: appraisal.potential?.rawValue ?? TalentLevel.moderate.rawValue, attainment: attainments[appraisal.employeeID] ?? 0)
    }
}
