import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// Improvement plans: the manager drafts and revises, HR approves, the employee acknowledges,
    /// the manager reviews checkpoints and decides the outcome.
    func registerImprovementPlans(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/improvement-plans") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.draftPlan(
                    try StrideJSONRequestDecoder.decode(PlanDraftBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/improvement-plans/:planID") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("planID")
            return try Response.json(try await core.pool.withConnection { try await core.improvementPlan(id, for: principal, on: $0) })
        }
        api.patch("v1/improvement-plans/:planID") { request, context in
            let id = try context.parameters.require("planID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.revisePlan(
                    id, try StrideJSONRequestDecoder.decode(PlanPatchBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.post("v1/improvement-plans/:planID/approve") { request, context in
            let id = try context.parameters.require("planID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.approvePlan(id, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/improvement-plans/:planID/acknowledge") { request, context in
            let id = try context.parameters.require("planID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.acknowledgePlan(id, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/improvement-plans/:planID/checkpoints/:checkpointID/review") { request, context in
            let id = try context.parameters.require("planID")
            let checkpointID = try context.parameters.require("checkpointID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.reviewCheckpoint(
                    id, checkpoint: checkpointID, try StrideJSONRequestDecoder.decode(CheckpointReviewBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/improvement-plans/:planID/close") { request, context in
            let id = try context.parameters.require("planID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.closePlan(
                    id, try StrideJSONRequestDecoder.decode(PlanClosingBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/employees/:employeeID/improvement-plans") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.improvementPlans(of: employeeID, page: page, for: principal, on: $0)
            })
        }
    }
}
