import Foundation
import StrideContracts

/// A goal period (a year, half or quarter), open for goals until HR closes it.
public struct GoalPeriod: Sendable, Equatable, Codable {
    /// `open` while goals may change; `closed` once frozen and attainment finalized.
    public enum Status: String, Sendable, Codable, CaseIterable { case open, closed }

    public var periodID: String
    /// The org unit (usually the company) whose period it is.
    public var orgUnitID: String
    /// Display name, e.g. `FY2026`.
    public var name: String
    public var kind: GoalPeriodKind
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    /// The period this one nests in (a quarter in its year), if any.
    public var parentPeriodID: String?
    public var status: Status
    public var createdBy: String
    public var createdAt: Date
    public var closedBy: String?
    public var closedAt: Date?
    /// How many goals were frozen at close.
    public var goalCount: Int?
    /// How many employees got an `AttainmentFinalized` at close.
    public var ownerCount: Int?

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case orgUnitID = "org_unit_id"
        case name
        case kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case parentPeriodID = "parent_period_id"
        case status
        case createdBy = "created_by"
        case createdAt = "created_at"
        case closedBy = "closed_by"
        case closedAt = "closed_at"
        case goalCount = "goal_count"
        case ownerCount = "owner_count"
    }
}
