import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesRoutes {
    /// Compensation cycles: HR opens them, runs the merit and bonus run, watches budgets, releases.
    func registerCycles(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/comp-cycles") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.openCycle(
                    try StrideJSONRequestDecoder.decode(NewCompCycle.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/comp-cycles") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            guard principal.isHR || principal.roles.contains(.manager) || principal.isService else {
                return try Response.json(Page<CompCycle>(items: [], nextCursor: nil))
            }
            return try Response.json(try await core.pool.withConnection {
                let rows = try await core.cycles.cycles(after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.compCycleID)
            })
        }
        api.get("v1/comp-cycles/:cycleID") { _, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            return try Response.json(try await core.pool.withConnection { try await core.cycle(cycleID, for: principal, on: $0) })
        }
        api.post("v1/comp-cycles/:cycleID/run") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.run(cycleID, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/comp-cycles/:cycleID/budgets") { _, context in
            let principal = try context.requirePrincipal()
            try principal.require(anyOf: [.hr, .admin])
            let cycleID = try context.parameters.require("cycleID")
            return try Response.json(try await core.pool.withConnection {
                _ = try await core.cycle(cycleID, for: principal, on: $0)
                return Page(items: try await core.cycles.budgets(of: cycleID, on: $0), nextCursor: nil)
            })
        }
        api.post("v1/comp-cycles/:cycleID/release") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.release(cycleID, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/comp-cycles/:cycleID/letters/:employeeID") { _, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let employeeID = try context.parameters.require("employeeID")
            return try Response.json(try await core.pool.withConnection {
                try await core.letter(in: cycleID, of: employeeID, for: principal, on: $0)
            })
        }
    }
}
