import Foundation
import StrideContracts
import StridePostgres

/// A goal as coaching knows it from `stride.goals.v1`. Fields the service has not heard about
/// yet (an event about the goal arrived before its creation) are absent.
public struct ProjectedGoal: Codable, Sendable, Equatable {
    public var goalID: String
    public var ownerID: String?
    public var periodID: String?
    public var title: String?
    public var status: GoalStatus?
    @OptionalDecimalString public var progressPercent: Decimal?
    public var atRisk: Bool
    public var atRiskSince: Date?

    enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case title, status
        case progressPercent = "progress_percent"
        case atRisk = "at_risk"
        case atRiskSince = "at_risk_since"
    }

    init(row: PostgresRow) throws {
        goalID = try row.decode("goal_id")
        ownerID = try row.decode("owner_id")
        periodID = try row.decode("period_id")
        title = try row.decode("title")
        status = try row.decode("status", as: String?.self).flatMap(GoalStatus.init(rawValue:))
        progressPercent = try row.decode("progress_percent")
        atRisk = try row.decode("at_risk")
        atRiskSince = try row.decode("at_risk_since")
    }
}
