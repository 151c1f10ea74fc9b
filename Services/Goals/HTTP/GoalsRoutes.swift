import Foundation
import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

/// The goals HTTP API, under `/v1` (documented in `deploy/openapi/goals.yaml`).
public struct GoalsRoutes: Sendable {
    let core: GoalsCore
    let writes: IdempotentWrites

    public init(core: GoalsCore) {
        self.core = core
        self.writes = IdempotentWrites(schema: core.goals.schema, pool: core.pool)
    }

    /// Adds every route to `api` (already behind authentication).
    public func register(on api: RouterGroup<StrideRequestContext>) {
        registerPeriods(on: api)
        registerGoals(on: api)
        registerWorkflow(on: api)
        registerTemplates(on: api)
    }

    func registerPeriods(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/periods") { request, context in
            // Roles first, so a caller without them learns nothing from body validation.
            try context.requirePrincipal().require(anyOf: [.hr, .admin])
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.createPeriod(
                    try StrideJSONRequestDecoder.decode(NewPeriod.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/periods") { request, context in
            _ = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            let status = try request.query("status", as: GoalPeriod.Status.self)
            return try Response.json(try await core.pool.withConnection { try await core.listPeriods(status: status, page: page, on: $0) })
        }
        api.get("v1/periods/:periodID") { _, context in
            _ = try context.requirePrincipal()
            let id = try context.parameters.require("periodID")
            return try Response.json(try await core.pool.withConnection { try await core.period(id, on: $0) })
        }
        api.post("v1/periods/:periodID/close") { _, context in
            let id = try context.parameters.require("periodID")
            return try Response.json(try await core.closePeriod(id, by: try context.requirePrincipal()))
        }
        api.post("v1/periods/:periodID/pace-assessments") { _, context in
            try context.requirePrincipal().require(anyOf: [.hr, .admin, .service])
            let id = try context.parameters.require("periodID")
            _ = try await core.pool.withConnection { try await core.openPeriod(id, field: nil, on: $0) }
            return try Response.json(try await core.assessPace(of: id))
        }
        api.get("v1/periods/:periodID/attainments") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("periodID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.attainments(in: id, page: page, for: principal, on: $0)
            })
        }
        api.post("v1/periods/:periodID/employees/:employeeID/submit") { request, context in
            let periodID = try context.parameters.require("periodID")
            let employeeID = try context.parameters.require("employeeID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                let submitted = try await core.submitGoals(
                    of: employeeID, in: periodID, comment: try CommentBody.decode(body).comment,
                    by: try context.requirePrincipal(), on: connection)
                return Page(items: submitted, nextCursor: nil)
            }
        }
    }

    func registerGoals(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/goals") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.createGoal(
                    try StrideJSONRequestDecoder.decode(NewGoal.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/goals") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            let filter = try request.goalFilter()
            return try Response.json(try await core.pool.withConnection {
                try await core.listGoals(filter, page: page, for: principal, on: $0)
            })
        }
        api.get("v1/goals/:goalID") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("goalID")
            return try Response.json(try await core.pool.withConnection { try await core.goal(id, for: principal, on: $0) })
        }
        api.patch("v1/goals/:goalID") { request, context in
            let id = try context.parameters.require("goalID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.updateGoal(
                    id, try StrideJSONRequestDecoder.decode(GoalPatch.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/goals/:goalID/tree") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("goalID")
            let subtree = try GoalTreeRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.tree(of: id, subtree, for: principal, on: $0) })
        }
        api.get("v1/goals/:goalID/alignment") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("goalID")
            return try Response.json(Page(items: try await core.pool.withConnection {
                try await core.alignment(of: id, for: principal, on: $0)
            }, nextCursor: nil))
        }
        api.post("v1/goals/:goalID/progress") { request, context in
            let id = try context.parameters.require("goalID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.recordProgress(
                    id, try StrideJSONRequestDecoder.decode(ProgressUpdate.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/goals/:goalID/progress") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("goalID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.history(of: id, page: page, for: principal, on: $0) })
        }
        api.get("v1/goals/:goalID/audit") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("goalID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.auditTrail(of: id, page: page, for: principal, on: $0) })
        }
    }

    func registerWorkflow(on api: RouterGroup<StrideRequestContext>) {
        for (path, approve) in [("approve", true), ("return", false)] {
            api.post("v1/goals/:goalID/\(path)") { request, context in
                let id = try context.parameters.require("goalID")
                return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                    let text = try CommentBody.decode(body)
                    return try await core.decide(
                        id, approve: approve, comment: approve ? text.comment : (text.reason ?? text.comment),
                        by: try context.requirePrincipal(), on: connection)
                }
            }
        }
        api.post("v1/goals/:goalID/reassign") { request, context in
            let id = try context.parameters.require("goalID")
            return try await writes.respond(to: request, context: context) { body, connection in
                let target = try StrideJSONRequestDecoder.decode(ReassignBody.self, from: body)
                return try await core.reassign(
                    id, to: target.ownerID, reason: target.reason, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/goals/:goalID/transitions") { request, context in
            let id = try context.parameters.require("goalID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                let transition = try StrideJSONRequestDecoder.decode(TransitionBody.self, from: body)
                return try await core.transition(
                    id, action: transition.action, reason: transition.reason, by: try context.requirePrincipal(), on: connection)
            }
        }
    }

    func registerTemplates(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/templates") { request, context in
            try context.requirePrincipal().require(anyOf: [.hr, .admin, .manager])
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.createTemplate(
                    try StrideJSONRequestDecoder.decode(NewTemplate.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/templates") { request, context in
            _ = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.listTemplates(page: page, on: $0) })
        }
        api.post("v1/templates/:templateID/assignments") { request, context in
            try context.requirePrincipal().require(anyOf: [.hr, .admin, .manager])
            let id = try context.parameters.require("templateID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.assignTemplate(
                    id, try StrideJSONRequestDecoder.decode(TemplateAssignment.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
