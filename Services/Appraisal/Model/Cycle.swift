import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/cycles`: `{"name", "period_id", "template_id", "template_version"?, "population"?,
/// "schedule", "dispute_window_days"?}`. Without `template_version` the template's latest version
/// is pinned; without `population` every active employee takes part.
struct NewCycle: Decodable, Sendable {
    var name: String
    var periodID: String
    var templateID: String
    var templateVersion: Int?
    var population: PopulationRule
    var schedule: [PhaseSchedule]
    var disputeWindowDays: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        periodID = try container.decode(String.self, forKey: .periodID)
        templateID = try container.decode(String.self, forKey: .templateID)
        templateVersion = try container.decodeIfPresent(Int.self, forKey: .templateVersion)
        population = try container.decodeIfPresent(PopulationRule.self, forKey: .population)
            ?? PopulationRule(departments: [], jobLevels: [], hiredOnOrBefore: nil)
        schedule = try container.decode([PhaseSchedule].self, forKey: .schedule)
        disputeWindowDays = try container.decodeIfPresent(Int.self, forKey: .disputeWindowDays)
    }

    enum CodingKeys: String, CodingKey {
        case name
        case periodID = "period_id"
        case templateID = "template_id"
        case templateVersion = "template_version"
        case population, schedule
        case disputeWindowDays = "dispute_window_days"
    }
}

/// `POST /v1/cycles/{id}/phase`: `{"phase"}`, the phase the cycle moves on to.
struct PhaseChange: Decodable, Sendable {
    var phase: CyclePhase
}

/// A review cycle as stored and shown.
public struct CycleRecord: Encodable, Sendable, Equatable {
    public var cycleID: String
    public var name: String
    public var orgUnitID: String
    public var periodID: String
    public var templateID: String
    public var templateVersion: Int
    public var population: PopulationRule
    public var schedule: [PhaseSchedule]
    public var phase: CyclePhase
    public var disputeWindowDays: Int
    public var participantCount: Int
    public var openedBy: String
    public var openedAt: Date
    public var releasedOn: CalendarDate?
    public var closedOn: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id"
        case name
        case orgUnitID = "org_unit_id"
        case periodID = "period_id"
        case templateID = "template_id"
        case templateVersion = "template_version"
        case population, schedule, phase
        case disputeWindowDays = "dispute_window_days"
        case participantCount = "participant_count"
        case openedBy = "opened_by"
        case openedAt = "opened_at"
        case releasedOn = "released_on"
        case closedOn = "closed_on"
    }

    init(row: PostgresRow) throws {
        cycleID = try row.decode("cycle_id")
        name = try row.decode("name")
        orgUnitID = try row.decode("org_unit_id")
        periodID = try row.decode("period_id")
        templateID = try row.decode("template_id")
        templateVersion = try row.decode("template_version")
        population = try row.decode("population", as: PostgresJSON<PopulationRule>.self).value
        schedule = try row.decode("schedule", as: PostgresJSON<[PhaseSchedule]>.self).value
        phase = CyclePhase(rawValue: try row.decode("phase")) ?? .closed
        disputeWindowDays = try row.decode("dispute_window_days")
        participantCount = try row.decode("participant_count")
        openedBy = try row.decode("opened_by")
        openedAt = try row.decode("opened_at")
        releasedOn = try row.decode("released_on")
        closedOn = try row.decode("closed_on")
    }

    /// The last day of `phase` in the schedule (the cycle's last scheduled day when it has none).
    func deadline(of phase: CyclePhase) -> CalendarDate {
        schedule.first { $0.phase == phase }?.endsOn ?? schedule.map(\.endsOn).max() ?? CalendarDate(utc: openedAt)
    }
}
