import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What HR sends to open a goal period.
public struct NewPeriod: Sendable, Codable {
    public var name: String
    public var kind: GoalPeriodKind
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    /// The org unit (usually the company) whose period it is.
    public var orgUnitID: String
    public var parentPeriodID: String?

    enum CodingKeys: String, CodingKey {
        case name
        case kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case orgUnitID = "org_unit_id"
        case parentPeriodID = "parent_period_id"
    }
}

extension GoalsCore {
    /// Opens a period (HR only), nested in its parent when one is given.
    public func createPeriod(_ request: NewPeriod, by principal: Principal, on connection: PostgresConnection) async throws -> GoalPeriod {
        try principal.require(anyOf: [.hr, .admin])
        var errors: [FieldError] = []
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 100 { errors.append(FieldError(field: "name", message: "Give a name of 1 to 100 characters.")) }
        if request.orgUnitID.allSatisfy(\.isWhitespace) || request.orgUnitID.count > 100 {
            errors.append(FieldError(field: "org_unit_id", message: "Give an org unit id of 1 to 100 characters."))
        }
        if let parentID = request.parentPeriodID, parentID.allSatisfy(\.isWhitespace) {
            errors.append(FieldError(field: "parent_period_id", message: "Name a period id, not an empty or whitespace-only one."))
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        var parent: GoalPeriod?
        if let parentID = request.parentPeriodID {
            parent = try await openPeriod(parentID, field: "parent_period_id", on: connection)
        }
        try enforcing {
            try PeriodRules.validate(
                kind: request.kind, startsOn: request.startsOn, endsOn: request.endsOn,
                parent: parent.map { (kind: $0.kind, startsOn: $0.startsOn, endsOn: $0.endsOn) })
        }
        let period = GoalPeriod(
            periodID: GoalsIdentifier.make(), orgUnitID: request.orgUnitID, name: name, kind: request.kind,
            startsOn: request.startsOn, endsOn: request.endsOn, parentPeriodID: request.parentPeriodID, status: .open,
            createdBy: principal.subject, createdAt: Date(), closedBy: nil, closedAt: nil, goalCount: nil, ownerCount: nil)
        try await periods.insert(period, on: connection)
        return try await periods.period(period.periodID, on: connection) ?? period
    }
}
