import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// Disputes: the employee raises (or withdraws) one; HR resolves it.
    func registerDisputes(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/appraisals/:appraisalID/disputes") { request, context in
            let appraisalID = try context.parameters.require("appraisalID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.raiseDispute(
                    about: appraisalID, try StrideJSONRequestDecoder.decode(NewDispute.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/appraisals/:appraisalID/disputes") { _, context in
            let principal = try context.requirePrincipal()
            let appraisalID = try context.parameters.require("appraisalID")
            return try Response.json(try await core.pool.withConnection { connection in
                _ = try await core.visibleAppraisal(appraisalID, to: principal, on: connection)
                return Page(items: try await core.disputes.disputes(of: appraisalID, on: connection), nextCursor: nil)
            })
        }
        api.get("v1/disputes/:disputeID") { _, context in
            let principal = try context.requirePrincipal()
            let disputeID = try context.parameters.require("disputeID")
            return try Response.json(try await core.pool.withConnection { try await core.dispute(disputeID, for: principal, on: $0) })
        }
        api.post("v1/disputes/:disputeID/resolve") { request, context in
            let disputeID = try context.parameters.require("disputeID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.resolveDispute(
                    disputeID, try StrideJSONRequestDecoder.decode(DisputeResolutionBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
