import Foundation
import Hummingbird
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesRoutes {
    /// Approval per department (the payroll changes it makes) and HR's view of what payroll was sent.
    func registerPayroll(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/comp-cycles/:cycleID/departments/:department/approve") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            // Department names may hold spaces and other escaped characters (`Sales%20EMEA`).
            let raw = try context.parameters.require("department")
            let department = raw.removingPercentEncoding ?? raw
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.approve(
                    cycleID, department: department,
                    body.isEmpty ? ApprovalBody() : try StrideJSONRequestDecoder.decode(ApprovalBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/comp-cycles/:cycleID/changes") { request, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.changePage(of: cycleID, page: page, for: principal, on: $0) })
        }
    }
}
