import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// The competency library and the templates: HR writes them, everyone signed in reads them
    /// (they are the yardstick every review is written against).
    func registerLibrary(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/competencies") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                let draft = try StrideJSONRequestDecoder.decode(NewCompetency.self, from: body)
                return try await core.addCompetency(draft.competencyID, draft.definition, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.put("v1/competencies/:competencyID") { request, context in
            let competencyID = try context.parameters.require("competencyID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.changeCompetency(
                    competencyID, try StrideJSONRequestDecoder.decode(CompetencyDefinition.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/competencies") { request, context in
            _ = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                let rows = try await core.library.competencies(after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.competencyID)
            })
        }
        api.get("v1/competencies/:competencyID") { _, context in
            _ = try context.requirePrincipal()
            let competencyID = try context.parameters.require("competencyID")
            guard let record = try await core.pool.withConnection({ try await core.library.competency(competencyID, on: $0) }) else {
                throw Problem.notFound("No competency \(competencyID).")
            }
            return try Response.json(record)
        }
        api.post("v1/templates") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                let draft = try StrideJSONRequestDecoder.decode(TemplateDraft.self, from: body)
                guard let templateID = draft.templateID else {
                    throw Problem.validation([FieldError(field: "template_id", message: "Give the template an id.")])
                }
                return try await core.addTemplate(templateID, newVersion: false, draft, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/templates/:templateID/versions") { request, context in
            let templateID = try context.parameters.require("templateID")
            return try await writes.respond(to: request, context: context) { body, connection in
                var draft = try StrideJSONRequestDecoder.decode(TemplateDraft.self, from: body)
                draft.templateID = templateID
                return try await core.addTemplate(templateID, newVersion: true, draft, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/templates") { request, context in
            _ = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                let rows = try await core.library.templates(after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.templateID)
            })
        }
        api.get("v1/templates/:templateID") { request, context in
            _ = try context.requirePrincipal()
            let templateID = try context.parameters.require("templateID")
            let version = try request.queryInt("version", in: 1...1_000_000)
            guard let record = try await core.pool.withConnection({ try await core.library.template(templateID, version: version, on: $0) })
            else {
                throw Problem.notFound(version.map { "No version \($0) of template \(templateID)." } ?? "No template \(templateID).")
            }
            return try Response.json(record)
        }
    }
}

/// `POST /v1/competencies`: the definition plus the id HR chooses.
struct NewCompetency: Decodable, Sendable {
    var competencyID: String
    var definition: CompetencyDefinition

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        competencyID = try container.decode(String.self, forKey: .competencyID)
        definition = try CompetencyDefinition(from: decoder)
    }

    enum CodingKeys: String, CodingKey { case competencyID = "competency_id" }
}
