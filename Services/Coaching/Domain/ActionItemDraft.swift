import StrideContracts
import StrideRuntime

/// A new action item agreed in a 1:1.
public struct ActionItemDraft: Sendable, Hashable {
    /// Who does it. JSON: `owner_id`.
    public var ownerID: String
    /// What is to be done. JSON: `title`.
    public var title: String
    /// By when, if agreed. JSON: `due_on`.
    public var dueOn: CalendarDate?

    /// Creates a draft.
    /// - Parameters:
    ///   - ownerID: the manager or the report.
    ///   - title: what is to be done.
    ///   - dueOn: by when.
    public init(ownerID: String, title: String, dueOn: CalendarDate?) {
        self.ownerID = ownerID
        self.title = title
        self.dueOn = dueOn
    }
}

/// The rules a new action item must meet.
public enum ActionItemRules {
    /// The longest action item title, in characters.
    public static let maxTitleLength = 300
    /// The most action items one 1:1 holds (its own and carried-over ones).
    public static let maxItemsPerMeeting = 30

    /// Every rule the item breaks.
    ///
    /// - `.conflict` when the meeting is not scheduled (items are agreed before the 1:1 is
    ///   marked completed, because ``OneOnOneCompleted`` publishes them) or already holds
    ///   ``maxItemsPerMeeting`` items.
    /// - `owner_id` is the manager or the report (`.unprocessable`).
    /// - `title` written, at most ``maxTitleLength``; `due_on` not before `today` (`.invalid`).
    /// - Parameters:
    ///   - item: the item.
    ///   - meeting: the 1:1.
    ///   - existingCount: how many action items the meeting already holds.
    ///   - today: the day of the request.
    public static func violations(
        of item: ActionItemDraft, in meeting: OneOnOne, existingCount: Int, today: CalendarDate
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        do throws(CoachingRuleViolation) {
            try meeting.requireAgendaOpen(for: "action items")
        } catch {
            found.append(error)
        }
        if existingCount >= maxItemsPerMeeting {
            found.append(
                CoachingRuleViolation(.conflict, "The 1:1 already holds \(maxItemsPerMeeting) action items; the most it takes."))
        }
        if meeting.participant(item.ownerID) == nil {
            found.append(
                CoachingRuleViolation(
                    .unprocessable, field: "owner_id", "An action item is owned by the manager or the report."))
        }
        FieldChecks.requiredText(item.title, field: "title", name: "action item", maxLength: maxTitleLength, into: &found)
        if let dueOn = item.dueOn, dueOn < today {
            found.append(CoachingRuleViolation(.invalid, field: "due_on", "The due date \(dueOn) is in the past."))
        }
        return found
    }
}
