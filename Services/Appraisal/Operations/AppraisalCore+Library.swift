import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var library: LibraryStore { LibraryStore(schema: schema) }

    /// Adds a competency to the library (HR).
    /// - Throws: 403 for anyone but HR; 400 naming the field; 409 when the id is taken.
    func addCompetency(
        _ competencyID: String, _ definition: CompetencyDefinition, by principal: Principal, on connection: PostgresConnection
    ) async throws -> CompetencyRecord {
        try principal.require(anyOf: [.hr, .admin])
        let violations = LibraryIdentifier.violations(of: competencyID, field: "competency_id")
            + CompetencyDefinition.violations(of: definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "add_competency", on: connection)
        guard let record = try await library.insertCompetency(competencyID, definition, by: principal.subject, on: connection) else {
            throw Problem.conflict("Competency \(competencyID) already exists; change it with PUT.")
        }
        return record
    }

    /// Rewords a competency (HR).
    /// - Throws: 403 for anyone but HR; 400 naming the field; 404 when there is none.
    func changeCompetency(
        _ competencyID: String, _ definition: CompetencyDefinition, by principal: Principal, on connection: PostgresConnection
    ) async throws -> CompetencyRecord {
        try principal.require(anyOf: [.hr, .admin])
        let violations = CompetencyDefinition.violations(of: definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "change_competency", on: connection)
        guard let record = try await library.updateCompetency(competencyID, definition, on: connection) else {
            throw Problem.notFound("No competency \(competencyID).")
        }
        return record
    }

    /// Adds a template (version 1, when `templateID` is new) or its next version (HR). Its terms
    /// must hold together (``TemplateTerms/violations(of:)``) and name library competencies only.
    /// - Throws: 403 for anyone but HR; 400 naming the field (`terms.…`); 409 when a new
    ///   template's id is taken; 404 for the next version of a template that does not exist.
    func addTemplate(
        _ templateID: String, newVersion: Bool, _ draft: TemplateDraft, by principal: Principal, on connection: PostgresConnection
    ) async throws -> TemplateRecord {
        try principal.require(anyOf: [.hr, .admin])
        var violations = newVersion ? [] : LibraryIdentifier.violations(of: templateID, field: "template_id")
        FieldChecks.requiredText(draft.name, field: "name", name: "name", maxLength: 200, into: &violations)
        FieldChecks.optionalText(draft.jobFamily, field: "job_family", name: "job family", maxLength: 120, into: &violations)
        violations += TemplateTerms.violations(of: draft.terms).map {
            AppraisalRuleViolation($0.kind, field: "terms." + ($0.field ?? "body"), $0.message)
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let ids = draft.terms.competencies.map(\.competencyID)
        let known = try await library.existingCompetencies(ids, on: connection)
        let unknown = ids.enumerated().filter { !known.contains($0.element) }.map {
            FieldError(field: "terms.competencies[\($0.offset)].competency_id", message: "No competency \($0.element) in the library.")
        }
        guard unknown.isEmpty else { throw Problem.validation(unknown) }
        try await Audit.identify(actor: principal.subject, action: newVersion ? "version_template" : "add_template", on: connection)
        guard
            let record = try await library.insertTemplateVersion(
                templateID, first: !newVersion, name: draft.name, jobFamily: draft.jobFamily, terms: draft.terms,
                by: principal.subject, on: connection)
        else {
            if newVersion { throw Problem.notFound("No template \(templateID).") }
            throw Problem.conflict("Template \(templateID) already exists; add a version with POST /v1/templates/\(templateID)/versions.")
        }
        return record
    }
}
