import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for recommendations: one, a page (filtered, limited to a manager's reporting line), a
/// chunk for announcing, a department's spend, and the writes of adjustments and approval.
struct RecommendationStore: Sendable {
    let schema: String

    func recommendation(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> Recommendation? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).recommendations WHERE recommendation_id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(Recommendation.init(row:))
    }

    /// A page of a cycle's recommendations, oldest id first; `manager` limits it to their reporting line.
    func page(
        of cycleID: String, filter: RecommendationFilter, manager: String?, after cursor: String?, limit: Int,
        on connection: PostgresConnection
    ) async throws -> [Recommendation] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).recommendations r
            WHERE r.comp_cycle_id = \(cycleID)
              AND (\(cursor)::text IS NULL OR r.recommendation_id > \(cursor))
              AND (\(filter.kind?.rawValue)::text IS NULL OR r.kind = \(filter.kind?.rawValue))
              AND (\(filter.department)::text IS NULL OR r.department = \(filter.department))
              AND (\(filter.status)::text IS NULL OR r.status = \(filter.status))
              AND (\(filter.employeeID)::text IS NULL OR r.employee_id = \(filter.employeeID))
              AND (\(manager)::text IS NULL OR r.employee_id IN (SELECT \(unescaped: schema).reporting_line(\(manager))))
            ORDER BY r.recommendation_id LIMIT \(limit)
            """)
        return try rows.map(Recommendation.init(row:))
    }

    /// The recommendations with ids in `ids`, in id order (for announcing after a bulk write).
    func recommendations(_ ids: [String], on connection: PostgresConnection) async throws -> [Recommendation] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).recommendations WHERE recommendation_id = ANY(\(ids)::text[]) ORDER BY recommendation_id
            """)
        return try rows.map(Recommendation.init(row:))
    }

    /// The next chunk of a cycle's recommendations after `cursor` (for announcing a run).
    func chunk(of cycleID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [Recommendation] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).recommendations
            WHERE comp_cycle_id = \(cycleID) AND (\(cursor)::text IS NULL OR recommendation_id > \(cursor))
            ORDER BY recommendation_id LIMIT \(limit)
            """)
        return try rows.map(Recommendation.init(row:))
    }

    /// What a department spends from its pool of `kind` in `currency`, counting one
    /// recommendation as `replacing` costs instead of what it costs now (an adjustment's test).
    func spend(
        of cycleID: String, department: String, currency: String, kind: RecommendationKind, replacing: (id: String, cost: Decimal)? = nil,
        on connection: PostgresConnection
    ) async throws -> Decimal {
        let rows = try await connection.query("""
            SELECT coalesce(sum(CASE WHEN recommendation_id = \(replacing?.id) THEN \(replacing?.cost)::numeric ELSE amount + lump_sum END), 0)
            FROM \(unescaped: schema).recommendations
            WHERE comp_cycle_id = \(cycleID) AND department = \(department) AND currency = \(currency) AND kind = \(kind.rawValue)
            """)
        return try rows.first?.decode(0, as: Decimal.self) ?? 0
    }

    /// Applies new numbers to a recommendation (an adjustment or a correction), version + 1.
    func apply(
        _ id: String, percent: Decimal?, amount: Decimal, lumpSum: Decimal, newSalary: Decimal?, withinGuidelines: Bool,
        on connection: PostgresConnection
    ) async throws -> Recommendation {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).recommendations
            SET percent = \(percent), amount = \(amount), lump_sum = \(lumpSum), new_salary = \(newSalary),
                within_guidelines = \(withinGuidelines), version = version + 1, updated_at = now()
            WHERE recommendation_id = \(id)
            RETURNING *
            """)
        guard let row = rows.first else { throw Problem.notFound("No recommendation \(id).") }
        return try Recommendation(row: row)
    }
}

/// The filters of `GET /v1/comp-cycles/{id}/recommendations`.
struct RecommendationFilter: Sendable {
    var kind: RecommendationKind?
    var department: String?
    var status: String?
    var employeeID: String?
}
