import StrideContracts
import StrideRuntime

/// What carrying a completed 1:1's open action items over to the next 1:1 does: which items
/// move, and the follow-up agenda items to add for them.
public struct CarryOverPlan: Sendable, Hashable {
    /// The items whose `meeting_id` becomes the next 1:1's, in the order given.
    public var actionItemIDs: [String]
    /// One ``AgendaItemSource/carriedOver`` agenda item per moved action item.
    public var agendaItems: [AgendaItemDraft]

    /// Creates a plan.
    /// - Parameters:
    ///   - actionItemIDs: the items to move.
    ///   - agendaItems: the follow-ups to add.
    public init(actionItemIDs: [String], agendaItems: [AgendaItemDraft]) {
        self.actionItemIDs = actionItemIDs
        self.agendaItems = agendaItems
    }

    /// Nothing to carry.
    public var isEmpty: Bool { actionItemIDs.isEmpty }
}

/// The carry-over rule: the open action items of a completed 1:1 move to the pair's next
/// scheduled 1:1 and go on its agenda; done items stay where they were. It runs when a 1:1 is
/// completed (into the next one already scheduled) and when the next one is scheduled (from the
/// latest completed one), and is idempotent: an item already in the next 1:1 is not moved twice.
public enum CarryOver {
    /// The prefix of a carried-over agenda item's title.
    public static let followUpPrefix = "Follow up: "

    /// The 1:1 the open items go to: the pair's earliest scheduled 1:1 on or after the day the
    /// completed one was held, or `nil` when none is scheduled yet.
    /// - Parameters:
    ///   - completed: the completed 1:1.
    ///   - candidates: other 1:1s (any pair, any state).
    public static func nextMeeting(after completed: OneOnOne, among candidates: [OneOnOne]) -> OneOnOne? {
        let from = completed.heldOn ?? completed.scheduledOn
        return candidates
            .filter {
                $0.status == .scheduled && $0.meetingID != completed.meetingID && $0.managerID == completed.managerID
                    && $0.employeeID == completed.employeeID && $0.scheduledOn >= from
            }
            .min { ($0.scheduledOn, $0.meetingID) < ($1.scheduledOn, $1.meetingID) }
    }

    /// Plans the carry-over of `items` from `completed` into `next`.
    /// - Parameters:
    ///   - items: action items (those of other meetings are ignored).
    ///   - completed: the 1:1 that was held.
    ///   - next: the pair's next 1:1.
    /// - Returns: the open items of `completed`, and a follow-up agenda item for each.
    /// - Throws: `.conflict` when `completed` is not completed or `next` is not scheduled;
    ///   `.unprocessable` (`meeting_id`) when `next` is the same meeting or another pair's.
    public static func plan(
        items: [TrackedActionItem], from completed: OneOnOne, to next: OneOnOne
    ) throws(CoachingRuleViolation) -> CarryOverPlan {
        guard completed.status == .completed else {
            throw CoachingRuleViolation(
                .conflict, "Action items carry over from a completed 1:1, not a \(completed.status.rawValue) one.")
        }
        guard next.status == .scheduled else {
            throw CoachingRuleViolation(
                .conflict, "Action items carry over to a scheduled 1:1, not a \(next.status.rawValue) one.")
        }
        guard next.meetingID != completed.meetingID, next.managerID == completed.managerID,
            next.employeeID == completed.employeeID
        else {
            throw CoachingRuleViolation(
                .unprocessable, field: "meeting_id", "Action items carry over only to the same pair's next 1:1.")
        }
        let moving = items.filter { $0.meetingID == completed.meetingID && $0.state == .open }
        return CarryOverPlan(
            actionItemIDs: moving.map(\.actionItemID),
            agendaItems: moving.map {
                AgendaItemDraft(
                    title: String((followUpPrefix + $0.title).prefix(AgendaRules.maxTitleLength)),
                    source: .carriedOver, actionItemID: $0.actionItemID)
            })
    }
}
