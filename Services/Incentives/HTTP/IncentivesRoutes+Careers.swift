import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesRoutes {
    /// Promotions, development actions and consequence reviews.
    func registerCareers(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/comp-cycles/:cycleID/promotions") { request, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                _ = try await core.cycle(cycleID, for: principal, on: $0)
                let rows = try await core.careers.promotions(
                    of: cycleID, manager: principal.isHR || principal.isService ? nil : principal.subject,
                    after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.promotionID)
            })
        }
        api.post("v1/promotions/:promotionID/decision") { request, context in
            let id = try context.parameters.require("promotionID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.decidePromotion(
                    id, try StrideJSONRequestDecoder.decode(PromotionDecisionBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/comp-cycles/:cycleID/development-actions") { request, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            // Someone who is neither HR nor a manager reads their own.
            let employeeID = request.query("employee_id")
                ?? (principal.isHR || principal.isService || principal.roles.contains(.manager) ? nil : principal.subject)
            return try Response.json(try await core.pool.withConnection { connection in
                guard try await core.cycles.cycle(cycleID, on: connection) != nil else {
                    throw Problem.notFound("No compensation cycle \(cycleID).")
                }
                // HR sees all; the employee their own; a manager their reporting line.
                let own = employeeID.map(principal.isSelf) ?? false
                let manager = principal.isHR || principal.isService || own ? nil : principal.subject
                let rows = try await core.careers.developmentActions(
                    of: cycleID, employeeID: employeeID, manager: manager,
                    after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
                return try Page(rows: rows, request: page, key: \.actionID)
            })
        }
        api.get("v1/consequence-reviews") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(anyOf: [.hr, .admin])
            let page = try PageRequest(from: request)
            let status = try request.query("status", as: ConsequenceStatusFilter.self)?.rawValue
            return try Response.json(try await core.pool.withConnection {
                let rows = try await core.careers.consequenceReviews(
                    status: status, excluding: principal.subject, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.reviewID)
            })
        }
        api.post("v1/consequence-reviews/:reviewID/decision") { request, context in
            let id = try context.parameters.require("reviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.decideConsequenceReview(
                    id, try StrideJSONRequestDecoder.decode(ConsequenceDecisionBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
    }
}
