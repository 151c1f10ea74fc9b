import Foundation
import StrideContracts
import StrideRuntime

/// The rules an evidence journal entry must meet. Who may write one is
/// ``RecordAccess/canWriteEvidence(_:)``.
public enum EvidenceRules {
    /// The longest "what happened", in characters (it is published as the event's one-line summary).
    public static let maxWhatHappenedLength = 500
    /// The longest impact, in characters.
    public static let maxImpactLength = 2000
    /// The longest link, in characters.
    public static let maxLinkLength = 2000
    /// The most goals one entry may concern.
    public static let maxGoals = 5

    /// Every rule the entry breaks, each `.invalid`: `occurred_on` not after `today`;
    /// `what_happened` written, at most ``maxWhatHappenedLength``; `impact` written, at most
    /// ``maxImpactLength``; `link_url` an absolute `https` URL with a host, at most
    /// ``maxLinkLength``; `goal_ids` at most ``maxGoals``, none blank or repeated;
    /// `competency_id` not blank when present.
    /// - Parameters:
    ///   - entry: the entry.
    ///   - today: the day it is written.
    public static func violations(of entry: EvidenceEntry, today: CalendarDate) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if entry.occurredOn > today {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "occurred_on", "Evidence records what happened; \(entry.occurredOn) is in the future."))
        }
        FieldChecks.requiredText(
            entry.whatHappened, field: "what_happened", name: "what happened", maxLength: maxWhatHappenedLength,
            into: &found)
        FieldChecks.requiredText(entry.impact, field: "impact", name: "impact", maxLength: maxImpactLength, into: &found)
        if let link = entry.linkURL, let problem = linkProblem(link) {
            found.append(CoachingRuleViolation(.invalid, field: "link_url", problem))
        }
        FieldChecks.identifiers(entry.goalIDs, field: "goal_ids", name: "goals", maxCount: maxGoals, into: &found)
        if let competencyID = entry.competencyID, FieldChecks.isBlank(competencyID) {
            found.append(CoachingRuleViolation(.invalid, field: "competency_id", "The competency id is empty."))
        }
        return found
    }

    /// Why `link` is not acceptable, or `nil` when it is an absolute `https` URL with a host.
    /// - Parameter link: the link as written.
    public static func linkProblem(_ link: String) -> String? {
        if link.count > maxLinkLength {
            return "The link has \(link.count) characters; the most is \(maxLinkLength)."
        }
        guard let url = URL(string: link), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty,
            !link.contains(where: \.isWhitespace)
        else {
            return "The link must be an https:// address."
        }
        return nil
    }
}
