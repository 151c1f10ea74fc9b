import StrideContracts
import StrideRuntime

/// Whether an action item still needs doing. JSON: `open`, `done`.
public enum ActionItemState: String, Codable, Sendable, CaseIterable {
    /// Still to do; carried over to the next 1:1 until done.
    case open
    /// Done.
    case done
}

/// An action item agreed in a 1:1, as Coaching keeps it: who does what by when, which 1:1
/// it currently belongs to, and whether it is done.
public struct TrackedActionItem: Sendable, Hashable {
    /// The item.
    public let actionItemID: String
    /// The 1:1 it belongs to now (it moves to the next 1:1 while open).
    public var meetingID: String
    /// Who does it (the manager or the report).
    public var ownerID: String
    /// What is to be done.
    public var title: String
    /// By when, if agreed.
    public var dueOn: CalendarDate?
    /// Open or done.
    public private(set) var state: ActionItemState

    /// An item as stored.
    /// - Parameters:
    ///   - actionItemID: the item.
    ///   - meetingID: the 1:1 it belongs to.
    ///   - ownerID: who does it.
    ///   - title: what is to be done.
    ///   - dueOn: by when.
    ///   - state: open or done.
    public init(
        actionItemID: String, meetingID: String, ownerID: String, title: String, dueOn: CalendarDate?,
        state: ActionItemState = .open
    ) {
        self.actionItemID = actionItemID
        self.meetingID = meetingID
        self.ownerID = ownerID
        self.title = title
        self.dueOn = dueOn
        self.state = state
    }

    /// The item as ``OneOnOneCompleted`` publishes it.
    public var contract: ActionItem {
        ActionItem(actionItemID: actionItemID, ownerID: ownerID, title: title, dueDate: dueOn)
    }

    /// Whether the item is overdue on `today`: open with a due date before today.
    /// - Parameter today: the day of the question.
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard state == .open, let dueOn else { return false }
        return dueOn < today
    }

    /// Marks the item done.
    /// - Throws: `.conflict` when it is already done.
    public mutating func markDone() throws(CoachingRuleViolation) {
        guard state == .open else {
            throw CoachingRuleViolation(.conflict, "The action item is already done.")
        }
        state = .done
    }

    /// Opens a done item again.
    /// - Throws: `.conflict` when it is already open.
    public mutating func reopen() throws(CoachingRuleViolation) {
        guard state == .done else {
            throw CoachingRuleViolation(.conflict, "The action item is already open.")
        }
        state = .open
    }
}
