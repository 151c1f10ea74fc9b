import Foundation
import StrideContracts
import StridePostgres

/// SQL for the `periods` table.
public struct PeriodStore: Sendable {
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    static let columns = """
        period_id, org_unit_id, name, kind, starts_on::text AS starts_on, ends_on::text AS ends_on, parent_period_id,
        status, created_by, created_at, closed_by, closed_at, goal_count, owner_count
        """

    /// One period, or nil; `forUpdate` locks it (period close and goal writes serialise on it).
    public func period(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> GoalPeriod? {
        let lock = forUpdate ? "FOR UPDATE" : "FOR SHARE"
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).periods WHERE period_id = \(id) \(unescaped: lock)
            """)
        return try rows.first.map(GoalPeriod.init(row:))
    }

    /// Adds a period.
    public func insert(_ period: GoalPeriod, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).periods
                (period_id, org_unit_id, name, kind, starts_on, ends_on, parent_period_id, status, created_by, created_at)
            VALUES (\(period.periodID), \(period.orgUnitID), \(period.name), \(period.kind.rawValue),
                    \(period.startsOn.description)::date, \(period.endsOn.description)::date, \(period.parentPeriodID),
                    \(period.status.rawValue), \(period.createdBy), \(period.createdAt))
            """)
    }

    /// Periods in id order after `afterID`, optionally only those with `status`.
    public func list(status: GoalPeriod.Status?, afterID: String?, limit: Int, on connection: PostgresConnection) async throws -> [GoalPeriod] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).periods
            WHERE (\(afterID)::text IS NULL OR period_id > \(afterID))
              AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
            ORDER BY period_id LIMIT \(limit)
            """)
        return try rows.map(GoalPeriod.init(row:))
    }

    /// Marks a period closed with its counts.
    public func markClosed(
        _ id: String, by actor: String, at time: Date, goalCount: Int, ownerCount: Int, on connection: PostgresConnection
    ) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).periods
            SET status = 'closed', closed_by = \(actor), closed_at = \(time), goal_count = \(goalCount), owner_count = \(ownerCount)
            WHERE period_id = \(id)
            """)
    }
}

extension GoalPeriod {
    init(row: PostgresRow) throws {
        guard let kind = GoalPeriodKind(rawValue: try row.decode("kind")),
            let status = Status(rawValue: try row.decode("status")),
            let startsOn = CalendarDate(try row.decode("starts_on", as: String.self)),
            let endsOn = CalendarDate(try row.decode("ends_on", as: String.self))
        else {
            throw PostgresError(code: .decoding, message: "periods row has an unknown kind, status or date")
        }
        self.init(
            periodID: try row.decode("period_id"), orgUnitID: try row.decode("org_unit_id"), name: try row.decode("name"),
            kind: kind, startsOn: startsOn, endsOn: endsOn, parentPeriodID: try row.decode("parent_period_id"),
            status: status, createdBy: try row.decode("created_by"), createdAt: try row.decode("created_at"),
            closedBy: try row.decode("closed_by"), closedAt: try row.decode("closed_at"),
            goalCount: try row.decode("goal_count"), ownerCount: try row.decode("owner_count"))
    }
}
