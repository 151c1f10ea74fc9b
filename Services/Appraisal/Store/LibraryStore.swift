import Foundation
import StridePostgres
import StrideRuntime

/// SQL for the competency library and the template versions. Lists are keyset-paginated on the
/// identifier (the cursor is the last id shown).
struct LibraryStore: Sendable {
    let schema: String

    /// Adds a competency; `nil` when the id is taken.
    func insertCompetency(
        _ competencyID: String, _ definition: CompetencyDefinition, by actor: String, on connection: PostgresConnection
    ) async throws -> CompetencyRecord? {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).competencies (competency_id, name, description, anchors, created_by)
            VALUES (\(competencyID), \(definition.name), \(definition.description), \(PostgresJSON(definition.anchors)), \(actor))
            ON CONFLICT (competency_id) DO NOTHING
            RETURNING *
            """)
        return try rows.first.map(CompetencyRecord.init(row:))
    }

    /// Replaces a competency's wording; `nil` when there is none. Templates point at the id, so
    /// the next cycle shows the new wording; finished reviews keep their levels.
    func updateCompetency(
        _ competencyID: String, _ definition: CompetencyDefinition, on connection: PostgresConnection
    ) async throws -> CompetencyRecord? {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).competencies
            SET name = \(definition.name), description = \(definition.description), anchors = \(PostgresJSON(definition.anchors)),
                updated_at = now()
            WHERE competency_id = \(competencyID)
            RETURNING *
            """)
        return try rows.first.map(CompetencyRecord.init(row:))
    }

    func competency(_ competencyID: String, on connection: PostgresConnection) async throws -> CompetencyRecord? {
        let rows = try await connection.query("SELECT * FROM \(unescaped: schema).competencies WHERE competency_id = \(competencyID)")
        return try rows.first.map(CompetencyRecord.init(row:))
    }

    func competencies(after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [CompetencyRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).competencies
            WHERE competency_id > \(cursor ?? "") ORDER BY competency_id LIMIT \(limit)
            """)
        return try rows.map(CompetencyRecord.init(row:))
    }

    /// Which of `ids` the library holds.
    func existingCompetencies(_ ids: [String], on connection: PostgresConnection) async throws -> Set<String> {
        let rows = try await connection.query("""
            SELECT competency_id FROM \(unescaped: schema).competencies WHERE competency_id = ANY(\(ids)::text[])
            """)
        return Set(try rows.map { try $0.decode("competency_id", as: String.self) })
    }

    /// Adds the next version of a template (version 1 when `first`); `nil` when `first` and the
    /// id is taken, or when not `first` and there is no such template. The template's earlier
    /// versions are locked first, so two concurrent new versions get consecutive numbers.
    func insertTemplateVersion(
        _ templateID: String, first: Bool, name: String, jobFamily: String?, terms: TemplateTerms, by actor: String,
        on connection: PostgresConnection
    ) async throws -> TemplateRecord? {
        let rows = try await connection.query("""
            WITH latest AS (
                SELECT max(version) AS version FROM (
                    SELECT version FROM \(unescaped: schema).templates WHERE template_id = \(templateID) FOR UPDATE) t)
            INSERT INTO \(unescaped: schema).templates (template_id, version, name, job_family, terms, created_by)
            SELECT \(templateID), coalesce(latest.version, 0) + 1, \(name), \(jobFamily), \(PostgresJSON(terms)), \(actor)
            FROM latest
            WHERE (latest.version IS NULL) = \(first)
            ON CONFLICT (template_id, version) DO NOTHING
            RETURNING *
            """)
        return try rows.first.map(TemplateRecord.init(row:))
    }

    /// A template's version, or its latest when `version` is nil.
    func template(_ templateID: String, version: Int?, on connection: PostgresConnection) async throws -> TemplateRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).templates
            WHERE template_id = \(templateID) AND (\(version)::integer IS NULL OR version = \(version))
            ORDER BY version DESC LIMIT 1
            """)
        return try rows.first.map(TemplateRecord.init(row:))
    }

    /// Each template's latest version, by id.
    func templates(after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [TemplateRecord] {
        let rows = try await connection.query("""
            SELECT DISTINCT ON (template_id) * FROM \(unescaped: schema).templates
            WHERE template_id > \(cursor ?? "") ORDER BY template_id, version DESC LIMIT \(limit)
            """)
        return try rows.map(TemplateRecord.init(row:))
    }
}
