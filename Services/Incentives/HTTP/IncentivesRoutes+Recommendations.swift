import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesRoutes {
    /// Recommendations and adjustments: managers read and adjust their reporting line's, HR all
    /// and decides adjustments outside the guidelines.
    func registerRecommendations(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/comp-cycles/:cycleID/recommendations") { request, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            let filter = RecommendationFilter(
                kind: try request.query("kind", as: RecommendationKindFilter.self).map { $0 == .merit ? .merit : .bonus },
                department: request.query("department"),
                status: try request.query("status", as: RecommendationStatusFilter.self)?.rawValue,
                employeeID: request.query("employee_id"))
            return try Response.json(try await core.pool.withConnection {
                try await core.recommendationPage(of: cycleID, filter: filter, page: page, for: principal, on: $0)
            })
        }
        api.get("v1/recommendations/:recommendationID") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("recommendationID")
            return try Response.json(try await core.pool.withConnection { try await core.visibleRecommendation(id, to: principal, on: $0).0 })
        }
        api.post("v1/recommendations/:recommendationID/adjustments") { request, context in
            let id = try context.parameters.require("recommendationID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.adjust(
                    id, try StrideJSONRequestDecoder.decode(AdjustmentBody.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/recommendations/:recommendationID/adjustments") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("recommendationID")
            return try Response.json(try await core.pool.withConnection {
                _ = try await core.visibleRecommendation(id, to: principal, on: $0)
                return Page(items: try await core.adjustments.adjustments(of: id, on: $0), nextCursor: nil)
            })
        }
        api.get("v1/comp-cycles/:cycleID/pending-adjustments") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(anyOf: [.hr, .admin])
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                _ = try await core.cycle(cycleID, for: principal, on: $0)
                let rows = try await core.adjustments.pending(in: cycleID, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.adjustmentID)
            })
        }
        api.post("v1/adjustments/:adjustmentID/decision") { request, context in
            let id = try context.parameters.require("adjustmentID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.decideAdjustment(
                    id, try StrideJSONRequestDecoder.decode(AdjustmentDecisionBody.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
    }
}

/// The kinds a recommendation list may be filtered by.
enum RecommendationKindFilter: String, CaseIterable, Sendable {
    case merit, bonus
}
