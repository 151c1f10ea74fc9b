import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// The evidence journal.
    func registerEvidence(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/employees/:employeeID/evidence") { request, context in
            let employeeID = try context.parameters.require("employeeID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.logEvidence(
                    about: employeeID, try StrideJSONRequestDecoder.decode(NewEvidence.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/employees/:employeeID/evidence") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            let goalID = request.query("goal_id")
            return try Response.json(try await core.pool.withConnection {
                try await core.evidence(of: employeeID, goalID: goalID, page: page, for: principal, on: $0)
            })
        }
        api.get("v1/evidence/:evidenceID") { _, context in
            let principal = try context.requirePrincipal()
            let evidenceID = try context.parameters.require("evidenceID")
            return try Response.json(try await core.pool.withConnection { try await core.evidenceEntry(evidenceID, for: principal, on: $0) })
        }
    }
}
