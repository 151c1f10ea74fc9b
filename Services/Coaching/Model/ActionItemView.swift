import Foundation
import StrideContracts
import StridePostgres

/// An action item agreed in a 1:1, as the API shows it.
public struct ActionItemView: Encodable, Sendable, Equatable {
    public var actionItemID: String
    /// The 1:1 it belongs to now (it moves to the next 1:1 while open).
    public var meetingID: String
    /// The 1:1 it was agreed in.
    public var originMeetingID: String
    public var employeeID: String
    public var ownerID: String
    public var title: String
    public var dueOn: CalendarDate?
    public var state: ActionItemState
    public var doneAt: Date?
    public var createdBy: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case actionItemID = "action_item_id"
        case meetingID = "meeting_id"
        case originMeetingID = "origin_meeting_id"
        case employeeID = "employee_id"
        case ownerID = "owner_id"
        case title
        case dueOn = "due_on"
        case state
        case doneAt = "done_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    static let columns =
        "action_item_id, meeting_id, origin_meeting_id, employee_id, owner_id, title, due_on, state, done_at, created_by, created_at"

    init(row: PostgresRow) throws {
        actionItemID = try row.decode("action_item_id")
        meetingID = try row.decode("meeting_id")
        originMeetingID = try row.decode("origin_meeting_id")
        employeeID = try row.decode("employee_id")
        ownerID = try row.decode("owner_id")
        title = try row.decode("title")
        dueOn = try row.decode("due_on")
        state = ActionItemState(rawValue: try row.decode("state")) ?? .open
        doneAt = try row.decode("done_at")
        createdBy = try row.decode("created_by")
        createdAt = try row.decode("created_at")
    }

    /// The item as the domain tracks it.
    var tracked: TrackedActionItem {
        TrackedActionItem(
            actionItemID: actionItemID, meetingID: meetingID, ownerID: ownerID, title: title, dueOn: dueOn, state: state)
    }
}
