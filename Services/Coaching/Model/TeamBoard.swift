import Foundation
import StrideContracts

/// What a manager looks at for each direct report: whether a check-in is due or overdue, open
/// and overdue action items, goals at risk that no 1:1 has discussed since they went at risk,
/// improvement plans running, and feedback interviews to hold.
public struct TeamBoardRow: Codable, Sendable, Equatable {
    /// A report's check-in standing: `not_started` (no check-in and no cadence yet), `not_due`,
    /// `due`, `overdue`.
    public enum CheckInStanding: String, Codable, Sendable {
        case notStarted = "not_started"
        case notDue = "not_due"
        case due
        case overdue
    }

    public var employeeID: String
    public var name: String
    public var cadence: CheckInCadence?
    public var nextCheckInDueOn: CalendarDate?
    public var checkIn: CheckInStanding
    public var openActionItems: Int
    public var overdueActionItems: Int
    /// Goals at risk with no 1:1 held since they went at risk.
    public var atRiskGoalsWithoutOneOnOne: [String]
    public var plansInProgress: Int
    /// The earliest due day of a feedback interview not yet completed.
    public var interviewDueOn: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case name, cadence
        case nextCheckInDueOn = "next_check_in_due_on"
        case checkIn = "check_in"
        case openActionItems = "open_action_items"
        case overdueActionItems = "overdue_action_items"
        case atRiskGoalsWithoutOneOnOne = "at_risk_goals_without_one_on_one"
        case plansInProgress = "plans_in_progress"
        case interviewDueOn = "interview_due_on"
    }
}
