import StrideRuntime

/// The rules an agenda item must meet to join a 1:1's agenda.
public enum AgendaRules {
    /// The longest agenda item title, in characters.
    public static let maxTitleLength = 200
    /// The most items one agenda holds.
    public static let maxItemsPerMeeting = 30

    /// Every rule the item breaks.
    ///
    /// - `.conflict` when the meeting is not scheduled or already holds ``maxItemsPerMeeting`` items.
    /// - `title` written, at most ``maxTitleLength`` (`.invalid`).
    /// - A manual item is added by a participant (`added_by`, `.unprocessable`); nudges and
    ///   carried-over items are added by Coaching and name no one.
    /// - An at-risk nudge names its `goal_id`; a carried-over item its `action_item_id` (`.invalid`).
    /// - Parameters:
    ///   - item: the item.
    ///   - meeting: the 1:1.
    ///   - existingCount: how many items the agenda already holds.
    public static func violations(
        of item: AgendaItemDraft, in meeting: OneOnOne, existingCount: Int
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        do throws(CoachingRuleViolation) {
            try meeting.requireAgendaOpen(for: "agenda items")
        } catch {
            found.append(error)
        }
        if existingCount >= maxItemsPerMeeting {
            found.append(
                CoachingRuleViolation(.conflict, "The agenda already holds \(maxItemsPerMeeting) items; the most it takes."))
        }
        FieldChecks.requiredText(item.title, field: "title", name: "agenda item", maxLength: maxTitleLength, into: &found)
        switch item.source {
        case .manual:
            if item.addedBy.flatMap(meeting.participant) == nil {
                found.append(
                    CoachingRuleViolation(
                        .unprocessable, field: "added_by", "Only the manager or the report adds items to their 1:1."))
            }
        case .atRiskNudge:
            if item.goalID.map(FieldChecks.isBlank) ?? true {
                found.append(CoachingRuleViolation(.invalid, field: "goal_id", "An at-risk nudge names its goal."))
            }
        case .carriedOver:
            if item.actionItemID.map(FieldChecks.isBlank) ?? true {
                found.append(
                    CoachingRuleViolation(
                        .invalid, field: "action_item_id", "A carried-over item names its action item."))
            }
        }
        return found
    }
}
