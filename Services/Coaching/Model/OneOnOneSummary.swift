import Foundation
import StrideContracts
import StridePostgres

/// A 1:1 as lists show it: who, when, where it stands. Never any note text.
public struct OneOnOneSummary: Encodable, Sendable, Equatable {
    public var meetingID: String
    public var employeeID: String
    public var managerID: String
    public var scheduledOn: CalendarDate
    public var status: OneOnOneStatus
    public var heldOn: CalendarDate?
    public var durationMinutes: Int?
    public var completedBy: String?
    public var completedAt: Date?
    public var createdBy: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case scheduledOn = "scheduled_on"
        case status
        case heldOn = "held_on"
        case durationMinutes = "duration_minutes"
        case completedBy = "completed_by"
        case completedAt = "completed_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    /// The columns ``init(row:)`` reads.
    static let columns =
        "meeting_id, employee_id, manager_id, scheduled_on, status, held_on, duration_minutes, completed_by, completed_at, created_by, created_at"

    init(row: PostgresRow) throws {
        meetingID = try row.decode("meeting_id")
        employeeID = try row.decode("employee_id")
        managerID = try row.decode("manager_id")
        scheduledOn = try row.decode("scheduled_on")
        status = OneOnOneStatus(rawValue: try row.decode("status")) ?? .scheduled
        heldOn = try row.decode("held_on")
        durationMinutes = try row.decode("duration_minutes")
        completedBy = try row.decode("completed_by")
        completedAt = try row.decode("completed_at")
        createdBy = try row.decode("created_by")
        createdAt = try row.decode("created_at")
    }
}
