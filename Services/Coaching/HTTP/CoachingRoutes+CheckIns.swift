import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// Check-in cadences per manager–report pair, the employee's check-ins, the manager's reply,
    /// and what is due per manager.
    func registerCheckIns(on api: RouterGroup<StrideRequestContext>) {
        api.put("v1/employees/:employeeID/cadence") { request, context in
            let employeeID = try context.parameters.require("employeeID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.setCadence(of: employeeID, by: try context.requirePrincipal(), on: connection) {
                    try StrideJSONRequestDecoder.decode(CadenceBody.self, from: body).cadence
                }
            }
        }
        api.get("v1/employees/:employeeID/cadence") { _, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            return try Response.json(try await core.pool.withConnection {
                try await core.cadence(of: employeeID, for: principal, on: $0)
            })
        }
        api.post("v1/employees/:employeeID/check-ins") { request, context in
            let employeeID = try context.parameters.require("employeeID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.recordCheckIn(of: employeeID, by: try context.requirePrincipal(), on: connection) {
                    try StrideJSONRequestDecoder.decode(CheckInBody.self, from: body).submission(today: core.today)
                }
            }
        }
        api.get("v1/employees/:employeeID/check-ins") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.checkIns(of: employeeID, page: page, for: principal, on: $0)
            })
        }
        api.post("v1/check-ins/:checkInID/reply") { request, context in
            let checkInID = try context.parameters.require("checkInID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.reply(to: checkInID, by: try context.requirePrincipal(), on: connection) {
                    try StrideJSONRequestDecoder.decode(ReplyBody.self, from: body).reply
                }
            }
        }
        api.get("v1/managers/:managerID/check-ins/due") { request, context in
            let principal = try context.requirePrincipal()
            let managerID = try context.parameters.require("managerID")
            let page = try PageRequest(from: request)
            let standing = try request.query("standing", as: CheckInStandingName.self)
            if standing == .notDue {
                throw Problem.validation(field: "standing", "lists only due or overdue check-ins: use due or overdue")
            }
            return try Response.json(try await core.pool.withConnection {
                try await core.dueCheckIns(
                    managedBy: managerID, overdueOnly: standing == .overdue, page: page, for: principal, on: $0)
            })
        }
    }
}
