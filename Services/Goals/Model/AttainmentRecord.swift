import Foundation
import StrideContracts

/// An employee's finalized attainment for a closed period, as `AttainmentFinalized` carried it.
public struct AttainmentRecord: Sendable, Codable, Equatable {
    public var periodID: String
    public var employeeID: String
    @DecimalString public var weightedAttainmentPercent: Decimal
    public var goals: [GoalAttainment]
    public var version: Int
    public var finalizedAt: Date

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case employeeID = "employee_id"
        case weightedAttainmentPercent = "weighted_attainment_percent"
        case goals
        case version
        case finalizedAt = "finalized_at"
    }
}
