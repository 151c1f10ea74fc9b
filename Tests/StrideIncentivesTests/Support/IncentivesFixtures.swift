import Foundation
import HTTPTypes
import StrideContracts
import StrideIncentives
import StrideTestSupport
import Testing

/// The plan and inputs the service tests start from.
///
/// Merit matrix: the guideline is `base(level) + shift(zone)` percent (base 0, 1, 3, 4, 5 for
/// levels 1–5; shift +1 below the minimum, +0.5 q1, 0 q2, −0.5 q3, −1 q4, −1.5 above the
/// maximum; never below 0), the minimum one point lower and the maximum one point higher (both
/// clamped at 0). Bonus: target 10 % (M-levels 15 %), company multiplier 1.1, individual
/// multipliers 0 / 0.5 / 1 / 1.25 / 1.5. Pools: 4 % merit and 12 % bonus by default.
enum IncentivesFixtures {
    static let labels = ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]

    static func guideline(level: Int, zone: String) -> Decimal {
        let base: [Decimal] = [0, 1, 3, 4, 5]
        let shift: [String: Decimal] = ["below_minimum": 1, "q1": 0.5, "q2": 0, "q3": -0.5, "q4": -1, "above_maximum": -1.5]
        return max(0, base[level - 1] + shift[zone]!)
    }

    static var matrixJSON: String {
        var cells: [String] = []
        for level in 1...5 {
            for zone in ["below_minimum", "q1", "q2", "q3", "q4", "above_maximum"] {
                let g = guideline(level: level, zone: zone)
                cells.append(#"{"rating_level": \#(level), "zone": "\#(zone)", "minimum_percent": "\#(max(0, g - 1))", "guideline_percent": "\#(g)", "maximum_percent": "\#(g + 1)"}"#)
            }
        }
        return "[" + cells.joined(separator: ", ") + "]"
    }

    /// The plan JSON; `budgets` replaces the department budgets, `extra` adds fields.
    static func plan(budgets: String = "[]", extra: String = "") -> String {
        #"""
        {"merit_matrix": \#(matrixJSON), "default_merit_pool_percent": "4", "default_bonus_pool_percent": "12",
         "budgets": \#(budgets), "company_multiplier": "1.1", "default_bonus_target_percent": "10",
         "bonus_targets": [{"job_level": "M1", "target_percent": "15"}, {"job_level": "M2", "target_percent": "15"}],
         "individual_multipliers": [{"rating_level": 1, "multiplier": "0"}, {"rating_level": 2, "multiplier": "0.5"},
                                    {"rating_level": 3, "multiplier": "1"}, {"rating_level": 4, "multiplier": "1.25"},
                                    {"rating_level": 5, "multiplier": "1.5"}]\#(extra)}
        """#
    }

    /// Opens a compensation cycle over `appraisalCycleID` as `hr`. - Returns: its id.
    static func openCycle(_ h: IncentivesHarness, appraisalCycle: String = "ac-2026", plan: String = plan()) async throws -> String {
        let reply = try await h.call(
            .post, "/v1/comp-cycles", as: "hr",
            json: #"{"name": "2026 compensation review", "appraisal_cycle_id": "\#(appraisalCycle)", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(plan)}"#)
        try #require(reply.status == 201, "\(reply.text)")
        return try reply.string("comp_cycle_id")
    }

    /// A final appraisal as the appraisal service announces it.
    static func finalized(
        _ employeeID: String, level: Int, potential: TalentLevel = .moderate, cycle: String = "ac-2026", version: Int = 1
    ) -> AppraisalFinalized {
        AppraisalFinalized(
            appraisalID: "ap-\(cycle)-\(employeeID)", cycleID: cycle, employeeID: employeeID, managerID: "m1", periodID: "FY2026",
            actorID: "hr", version: version, goalScore: Decimal(level), competencyScore: Decimal(level), goalWeightPercent: 60,
            competencyWeightPercent: 40, finalScore: Decimal(level), rating: Rating(level: level, label: labels[level - 1], scaleMaximum: 5),
            potential: potential, nineBox: NineBoxCell(performance: level >= 4 ? .high : level == 3 ? .moderate : .low, potential: potential),
            calibrated: true)
    }

    /// Publishes final appraisals and waits until the service has them all.
    static func rate(_ h: IncentivesHarness, _ ratings: [(String, Int)], potential: TalentLevel = .moderate, cycle: String = "ac-2026") async throws {
        try await h.publishAppraisal(ratings.map { finalized($0.0, level: $0.1, potential: potential, cycle: cycle) })
        try await waitUntil("the appraisal results of \(cycle)") {
            try await h.scalar("SELECT count(*)::int FROM $schema.appraisal_results WHERE appraisal_cycle_id = '\(cycle)'", as: Int.self)
                ?? 0 >= ratings.count
        }
    }

    /// The standard ratings: e1 4, e2 5, e4 3, e3 3, m1 4, m2 3, vp1 3, vp2 4, hr 3, hr2 3 (ceo unrated).
    static let standardRatings: [(String, Int)] = [
        ("e1", 4), ("e2", 5), ("e4", 3), ("e3", 3), ("m1", 4), ("m2", 3), ("vp1", 3), ("vp2", 4), ("hr", 3), ("hr2", 3),
    ]

    /// Opens a cycle, rates everyone (but the CEO) and runs it. - Returns: the cycle id.
    static func ranCycle(_ h: IncentivesHarness, plan: String = plan()) async throws -> String {
        let cycleID = try await openCycle(h, plan: plan)
        try await rate(h, standardRatings)
        let run = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
        try #require(run.status == 200, "\(run.text)")
        return cycleID
    }

    /// The recommendation id of `employeeID`'s `kind` in a cycle.
    static func recommendationID(_ h: IncentivesHarness, _ cycleID: String, _ employeeID: String, _ kind: String) async throws -> String {
        try #require(try await h.scalar(
            "SELECT recommendation_id FROM $schema.recommendations WHERE comp_cycle_id = '\(cycleID)' AND employee_id = '\(employeeID)' AND kind = '\(kind)'",
            as: String.self))
    }
}
