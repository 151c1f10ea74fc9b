import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// Calibration sessions: HR opens and locks them; HR and the participants read the live
    /// distribution and nine-box and adjust ratings with a reason.
    func registerCalibration(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/cycles/:cycleID/calibration-sessions") { request, context in
            let cycleID = try context.parameters.require("cycleID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.openSession(
                    in: cycleID, try StrideJSONRequestDecoder.decode(NewCalibrationSession.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/cycles/:cycleID/calibration-sessions") { request, context in
            let principal = try context.requirePrincipal()
            try principal.require(anyOf: [.hr, .admin])
            let cycleID = try context.parameters.require("cycleID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                guard try await core.cycles.cycle(cycleID, on: $0) != nil else { throw Problem.notFound("No cycle \(cycleID).") }
                let rows = try await core.calibration.sessions(
                    of: cycleID, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: $0)
                return try Page(rows: rows, request: page, key: \.sessionID)
            })
        }
        api.get("v1/calibration-sessions/:sessionID") { _, context in
            let principal = try context.requirePrincipal()
            let sessionID = try context.parameters.require("sessionID")
            return try Response.json(try await core.pool.withConnection { try await core.session(sessionID, for: principal, on: $0) })
        }
        api.get("v1/calibration-sessions/:sessionID/distribution") { _, context in
            let principal = try context.requirePrincipal()
            let sessionID = try context.parameters.require("sessionID")
            return try Response.json(try await core.pool.withConnection { try await core.distribution(of: sessionID, for: principal, on: $0) })
        }
        api.get("v1/calibration-sessions/:sessionID/nine-box") { _, context in
            let principal = try context.requirePrincipal()
            let sessionID = try context.parameters.require("sessionID")
            return try Response.json(try await core.pool.withConnection { try await core.nineBox(of: sessionID, for: principal, on: $0) })
        }
        api.post("v1/calibration-sessions/:sessionID/adjustments") { request, context in
            let sessionID = try context.parameters.require("sessionID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.adjust(
                    in: sessionID, try StrideJSONRequestDecoder.decode(AdjustmentBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.get("v1/calibration-sessions/:sessionID/adjustments") { request, context in
            let principal = try context.requirePrincipal()
            let sessionID = try context.parameters.require("sessionID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.adjustments(of: sessionID, page: page, for: principal, on: $0)
            })
        }
        api.post("v1/calibration-sessions/:sessionID/lock") { request, context in
            let sessionID = try context.parameters.require("sessionID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.lockSession(sessionID, by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
