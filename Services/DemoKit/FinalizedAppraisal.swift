/// An appraisal as the appraisal part leaves it for the parts after it: released (finalized,
/// `AppraisalFinalized`), in the version in force, with the attainment its goal score came from.
/// The coaching part holds the feedback interviews of some of them.
package struct FinalizedAppraisal: Sendable {
    package var appraisalID: String
    package var cycleID: String
    package var employeeID: String
    package var managerID: String
    /// 1 at release; a dispute resolved as `amended` makes 2.
    package var version: Int
    /// A decimal string, e.g. `"3.6933"`.
    package var finalScore: String
    package var ratingLevel: Int
    package var ratingLabel: String
    package var scaleMaximum: Int
    /// `low`, `moderate` or `high`.
    package var potential: String
    /// The employee's final weighted attainment of the closed year, in percent.
    package var attainment: Double

    package init(
        appraisalID: String, cycleID: String, employeeID: String, managerID: String, version: Int, finalScore: String,
        ratingLevel: Int, ratingLabel: String, scaleMaximum: Int, potential: String, attainment: Double
    ) {
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.managerID = managerID
        self.version = version
        self.finalScore = finalScore
        self.ratingLevel = ratingLevel
        self.ratingLabel = ratingLabel
        self.scaleMaximum = scaleMaximum
        self.potential = potential
        self.attainment = attainment
    }
}
