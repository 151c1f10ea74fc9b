import Foundation
import StrideContracts
import StridePostgres

/// SQL for goal templates and their set-based assignment.
public struct TemplateStore: Sendable {
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    /// Adds a template.
    public func insert(_ template: GoalTemplate, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).goal_templates
                (template_id, title, description, kind, weight, measure, key_results, created_by, created_at)
            VALUES (\(template.templateID), \(template.title), \(template.description), \(template.kind.rawValue),
                    \(template.weight), \(template.measure.map(PostgresJSON.init)), \(PostgresJSON(template.keyResults)),
                    \(template.createdBy), \(template.createdAt))
            """)
    }

    /// One template, or nil.
    public func template(_ id: String, on connection: PostgresConnection) async throws -> GoalTemplate? {
        try await list(afterID: nil, onlyID: id, limit: 1, on: connection).first
    }

    /// Templates in id order after `afterID`.
    public func list(afterID: String?, onlyID: String? = nil, limit: Int, on connection: PostgresConnection) async throws -> [GoalTemplate] {
        let rows = try await connection.query("""
            SELECT template_id, title, description, kind, weight, measure, key_results, created_by, created_at
            FROM \(unescaped: schema).goal_templates
            WHERE (\(afterID)::text IS NULL OR template_id > \(afterID)) AND (\(onlyID)::text IS NULL OR template_id = \(onlyID))
            ORDER BY template_id LIMIT \(limit)
            """)
        return try rows.map { row in
            GoalTemplate(
                templateID: try row.decode("template_id"), title: try row.decode("title"),
                description: try row.decode("description"), kind: GoalKind(rawValue: try row.decode("kind")) ?? .milestone,
                weight: try row.decode("weight"), measure: try row.decode("measure", as: PostgresJSON<GoalMeasure>?.self)?.value,
                keyResults: try row.decode("key_results", as: PostgresJSON<[KeyResult]>.self).value,
                createdBy: try row.decode("created_by"), createdAt: try row.decode("created_at"))
        }
    }

    /// Creates one draft goal from `template` for every active employee who matches the target
    /// and does not have it yet in the period, in one statement.
    /// - Parameter within: when set, only employees in this manager's reporting line.
    /// - Returns: the new goals' ids and owners.
    public func assign(
        _ template: GoalTemplate, period periodID: String, parentGoalID: String?, weight: Decimal, dueDate: CalendarDate?,
        department: String?, jobTitle: String?, within managerID: String?, initialProgress: Decimal, actor: String,
        on connection: PostgresConnection
    ) async throws -> [(goalID: String, ownerID: String)] {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).goals AS g
                (goal_id, period_id, owner_id, level, kind, title, description, parent_goal_id, weight, due_date, status,
                 version, measure, key_results, metric_source, metric_id, progress_percent, template_id, created_by)
            SELECT \(unescaped: schema).uuid_v7()::text, \(periodID), e.employee_id, 'employee', t.kind, t.title, t.description, \(parentGoalID),
                   \(weight), \(dueDate?.description)::date, 'draft', 1, t.measure, t.key_results,
                   t.measure ->> 'metric_source', t.measure ->> 'metric_id', \(initialProgress), t.template_id, \(actor)
            FROM \(unescaped: schema).org_employees e
            JOIN \(unescaped: schema).goal_templates t ON t.template_id = \(template.templateID)
            WHERE e.status <> 'terminated'
              AND (\(department)::text IS NULL OR e.department = \(department))
              AND (\(jobTitle)::text IS NULL OR e.job_title = \(jobTitle))
              AND (\(managerID)::text IS NULL OR e.employee_id IN (SELECT \(unescaped: schema).reporting_line(\(managerID))))
            ORDER BY e.employee_id
            ON CONFLICT (template_id, period_id, owner_id) WHERE template_id IS NOT NULL DO NOTHING
            RETURNING g.goal_id, g.owner_id
            """)
        return try rows.map { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) }
    }
}
