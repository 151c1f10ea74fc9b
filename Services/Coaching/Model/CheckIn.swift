import Foundation
import StrideContracts
import StridePostgres

/// An employee's check-in as the API answers it, with the manager's reply once there is one.
public struct CheckIn: Codable, Sendable, Equatable {
    public var checkInID: String
    public var employeeID: String
    /// The employee's manager when the check-in was recorded.
    public var managerID: String?
    public var heldOn: CalendarDate
    /// The pair's cadence when it was recorded.
    public var cadence: CheckInCadence
    /// Whether it was held by the due date plus the grace days (the completion rate counts these).
    public var onCadence: Bool
    public var whatMoved: String
    public var blockers: [String]
    public var confidence: Int
    public var goalIDs: [String]
    public var reply: String?
    public var repliedBy: String?
    public var repliedAt: Date?
    public var createdBy: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case checkInID = "check_in_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case heldOn = "held_on"
        case cadence
        case onCadence = "on_cadence"
        case whatMoved = "what_moved"
        case blockers, confidence
        case goalIDs = "goal_ids"
        case reply
        case repliedBy = "replied_by"
        case repliedAt = "replied_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    /// The columns ``init(row:)`` reads.
    static let columns = """
        check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved, blockers, confidence, goal_ids,
        manager_reply, replied_by, replied_at, created_by, created_at
        """

    init(row: PostgresRow) throws {
        checkInID = try row.decode("check_in_id")
        employeeID = try row.decode("employee_id")
        managerID = try row.decode("manager_id")
        heldOn = try row.decode("held_on")
        cadence = CheckInCadence(rawValue: try row.decode("cadence")) ?? .biweekly
        onCadence = try row.decode("on_cadence")
        whatMoved = try row.decode("what_moved")
        blockers = try row.decode("blockers")
        confidence = try row.decode("confidence")
        goalIDs = try row.decode("goal_ids")
        reply = try row.decode("manager_reply")
        repliedBy = try row.decode("replied_by")
        repliedAt = try row.decode("replied_at")
        createdBy = try row.decode("created_by")
        createdAt = try row.decode("created_at")
    }
}
