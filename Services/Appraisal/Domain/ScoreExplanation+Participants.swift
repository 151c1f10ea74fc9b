import Foundation
import StrideContracts

extension ScoreExplanation {
    /// What the employee and their manager may see: anonymous groups (peer, direct report,
    /// external) lose their review ids, and groups that were not counted keep only their group,
    /// rater count, configured weight, `counted = false` and note — no averages, no score, no ids.
    /// Everything that made the final score stays, so the employee can follow and dispute it.
    public func forParticipants() -> ScoreExplanation {
        var shown = self
        shown.groups = groups.map { group in
            var visible = group
            if TemplateTerms.anonymousRaterGroups.contains(group.group) || !group.counted {
                visible.reviewIDs = []
            }
            if !group.counted {
                visible.competencyAverages = []
                visible.score = nil
                visible.appliedWeightPercent = 0
            }
            return visible
        }
        return shown
    }
}
