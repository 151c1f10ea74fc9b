import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// Cycles: HR opens, advances and scores them; participants read them.
    func registerCycles(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/cycles") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.openCycle(try StrideJSONRequestDecoder.decode(NewCycle.self, from: body), by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/cycles") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(anyOf: [.hr, .admin])
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                let rows = try await core.cycles.cycles(before: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.cycleID)
            })
        }
        api.get("v1/cycles/:cycleID") { _, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            return try Response.json(try await core.pool.withConnection { try await core.cycle(cycleID, for: principal, on: $0) })
        }
        api.post("v1/cycles/:cycleID/phase") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.advance(
                    cycleID, to: try StrideJSONRequestDecoder.decode(PhaseChange.self, from: body).phase,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/cycles/:cycleID/scores") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.scoreCycle(cycleID, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/cycles/:cycleID/appraisals") { request, context in
            let principal = try context.requirePrincipal()
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.appraisals(in: cycleID, page: page, for: principal, on: $0) })
        }
    }

    /// Appraisals: read, potential, acknowledgement.
    func registerAppraisals(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/appraisals/:appraisalID") { _, context in
            let principal = try context.requirePrincipal()
            let appraisalID = try context.parameters.require("appraisalID")
            return try Response.json(try await core.pool.withConnection { try await core.appraisal(appraisalID, for: principal, on: $0) })
        }
        api.get("v1/appraisals/:appraisalID/score") { _, context in
            let principal = try context.requirePrincipal()
            let appraisalID = try context.parameters.require("appraisalID")
            return try Response.json(try await core.pool.withConnection { try await core.score(of: appraisalID, for: principal, on: $0) })
        }
        api.get("v1/appraisals/:appraisalID/inputs") { _, context in
            let principal = try context.requirePrincipal()
            let appraisalID = try context.parameters.require("appraisalID")
            return try Response.json(try await core.pool.withConnection { try await core.reviewInputs(of: appraisalID, for: principal, on: $0) })
        }
        api.put("v1/appraisals/:appraisalID/potential") { request, context in
            let appraisalID = try context.parameters.require("appraisalID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.setPotential(
                    of: appraisalID, to: try StrideJSONRequestDecoder.decode(PotentialBody.self, from: body).potential,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/appraisals/:appraisalID/acknowledge") { request, context in
            let appraisalID = try context.parameters.require("appraisalID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.acknowledge(
                    appraisalID, comment: try StrideJSONRequestDecoder.decode(AcknowledgementBody.self, from: body).comment,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
