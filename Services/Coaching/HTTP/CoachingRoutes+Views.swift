import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// The views people need: an employee's timeline, a manager's team board, HR's completion rates.
    func registerViews(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/employees/:employeeID/timeline") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.timeline(of: employeeID, page: page, for: principal, on: $0)
            })
        }
        api.get("v1/managers/:managerID/team-board") { request, context in
            let principal = try context.requirePrincipal()
            let managerID = try context.parameters.require("managerID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.teamBoard(of: managerID, page: page, for: principal, on: $0)
            })
        }
        api.get("v1/reports/completion") { request, context in
            let principal = try context.requirePrincipal()
            let department = request.query("department")
            let from = try request.queryDate("from")
            let through = try request.queryDate("to")
            return try Response.json(try await core.pool.withConnection {
                try await core.completion(department: department, from: from, through: through, for: principal, on: $0)
            })
        }
    }
}
