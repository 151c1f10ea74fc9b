/// Why an agenda item is on a 1:1's agenda. JSON: `manual`, `at_risk_nudge`, `carried_over`.
public enum AgendaItemSource: String, Codable, Sendable, CaseIterable {
    /// Added by the manager or the report.
    case manual
    /// Added by Coaching when one of the report's goals fell at risk (``GoalAtRisk``).
    case atRiskNudge = "at_risk_nudge"
    /// Added by Coaching for an open action item carried over from the previous 1:1.
    case carriedOver = "carried_over"
}

/// An item to put on a 1:1's agenda.
public struct AgendaItemDraft: Sendable, Hashable {
    /// What to talk about. JSON: `title`.
    public var title: String
    /// Why it is there.
    public var source: AgendaItemSource
    /// Who added it; `nil` for items Coaching adds itself (nudges, carry-over). JSON: `added_by`.
    public var addedBy: String?
    /// The goal it concerns; required for an at-risk nudge. JSON: `goal_id`.
    public var goalID: String?
    /// The carried-over action item; required for a carried-over item. JSON: `action_item_id`.
    public var actionItemID: String?

    /// Creates an item.
    /// - Parameters:
    ///   - title: what to talk about.
    ///   - source: why it is there.
    ///   - addedBy: the participant who added it, or `nil` for Coaching.
    ///   - goalID: the goal it concerns.
    ///   - actionItemID: the action item it follows up.
    public init(
        title: String, source: AgendaItemSource, addedBy: String? = nil, goalID: String? = nil,
        actionItemID: String? = nil
    ) {
        self.title = title
        self.source = source
        self.addedBy = addedBy
        self.goalID = goalID
        self.actionItemID = actionItemID
    }
}
