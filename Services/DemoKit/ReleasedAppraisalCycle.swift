/// An appraisal cycle as the appraisal part leaves it at release for the incentives part: the
/// cycle a compensation cycle binds to, its finalized appraisals, the template's competencies
/// (what development actions are offered for), and the appraisal whose dispute is still open.
package struct ReleasedAppraisalCycle: Sendable {
    /// One competency of the cycle's template.
    package struct Competency: Sendable {
        package var competencyID: String
        package var name: String

        package init(competencyID: String, name: String) {
            self.competencyID = competencyID
            self.name = name
        }
    }

    package var cycleID: String
    package var name: String
    /// Every appraisal of the cycle as released (version 1; the disputed one too).
    package var finalized: [FinalizedAppraisal]
    package var competencies: [Competency]
    /// The appraisal its employee disputed at release, the dispute not yet resolved.
    package var disputed: FinalizedAppraisal?

    package init(cycleID: String, name: String, finalized: [FinalizedAppraisal], competencies: [Competency], disputed: FinalizedAppraisal?) {
        self.cycleID = cycleID
        self.name = name
        self.finalized = finalized
        self.competencies = competencies
        self.disputed = disputed
    }
}
