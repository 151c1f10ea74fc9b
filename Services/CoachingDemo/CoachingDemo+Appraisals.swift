import Foundation
import StrideContracts
import StrideDemoKit

/// One appraisal the appraisal service finalized whose feedback interview the coaching part holds.
struct AppraisalResult: Sendable {
    var appraisal: FinalizedAppraisal
    /// The employee's final weighted attainment of the closed year, in percent.
    var attainment: Double { appraisal.attainment }
}

extension CoachingDemo {
    /// How many feedback interviews the demo holds.
    static let heldCount = 5

    /// A handful of the appraisals the appraisal part released, spread over the closed year's
    /// attainment from the lowest to the highest, the one amended after a dispute (version 2)
    /// included when there is one.
    func interviewedAppraisals() throws -> [AppraisalResult] {
        let sorted = appraisals.sorted { ($0.attainment, $0.employeeID) < ($1.attainment, $1.employeeID) }
        guard sorted.count >= Self.heldCount else {
            throw DemoError("the appraisal part released \(sorted.count) appraisals; the coaching part holds \(Self.heldCount) interviews")
        }
        var picks = (0..<Self.heldCount).map { sorted[$0 * (sorted.count - 1) / (Self.heldCount - 1)] }
        if let amended = sorted.first(where: { $0.version > 1 }), !picks.contains(where: { $0.appraisalID == amended.appraisalID }) {
            picks[Self.heldCount / 2] = amended
        }
        let results = picks.sorted { ($0.attainment, $0.employeeID) < ($1.attainment, $1.employeeID) }.map(AppraisalResult.init)
        console.say(
            "   \(appraisals.count) AppraisalFinalized from stride-appraisal on \(StrideTopic.appraisal.rawValue); the feedback"
                + " interviews of \(results.count) of them, spread over the year's attainment, are held here:")
        for result in results {
            let appraisal = result.appraisal
            console.say(
                "     " + DemoFormat.left(org.label(appraisal.employeeID), 28)
                    + DemoFormat.right(DemoFormat.percent(result.attainment), 9) + " attained · final score \(appraisal.finalScore)"
                    + " · \(appraisal.ratingLevel)/\(appraisal.scaleMaximum) \(appraisal.ratingLabel)"
                    + " · potential \(appraisal.potential)" + (appraisal.version > 1 ? " · version \(appraisal.version)" : ""))
        }
        return results
    }
}
