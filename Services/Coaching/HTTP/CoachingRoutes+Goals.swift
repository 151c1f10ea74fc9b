import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// Goals as coaching knows them (from `stride.goals.v1`), for linking records to goals.
    func registerGoals(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/employees/:employeeID/goals") { _, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            return try Response.json(try await core.pool.withConnection { connection in
                try await core.access.requireVisible(employeeID, to: principal, on: connection)
                return Page(items: try await core.projection.goals(ownedBy: employeeID, limit: 1_000, on: connection), nextCursor: nil)
            })
        }
    }
}
