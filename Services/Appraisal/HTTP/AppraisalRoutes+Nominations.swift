import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// Nominations: the employee nominates peers and external raters; their manager decides.
    func registerNominations(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/appraisals/:appraisalID/nominations") { request, context in
            let appraisalID = try context.parameters.require("appraisalID")
            return try await writes.respond(to: request, context: context) { body, connection in
                Page(
                    items: try await core.nominate(
                        for: appraisalID, try StrideJSONRequestDecoder.decode(NominationBody.self, from: body),
                        by: try context.requirePrincipal(), on: connection),
                    nextCursor: nil)
            }
        }
        api.get("v1/appraisals/:appraisalID/nominations") { _, context in
            let principal = try context.requirePrincipal()
            let appraisalID = try context.parameters.require("appraisalID")
            return try Response.json(try await core.pool.withConnection {
                Page(items: try await core.nominationList(of: appraisalID, for: principal, on: $0), nextCursor: nil)
            })
        }
        api.post("v1/appraisals/:appraisalID/nominations/decision") { request, context in
            let appraisalID = try context.parameters.require("appraisalID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.decideNominations(
                    of: appraisalID, try StrideJSONRequestDecoder.decode(NominationDecisionBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
    }

    /// An external rater's single-use link: no bearer token, the link's token is the proof, and
    /// it opens that one review only.
    func registerExternal(on routes: RouterGroup<StrideRequestContext>) {
        routes.get("v1/external-reviews/:token") { _, context in
            let token = try context.parameters.require("token")
            return try Response.json(try await core.pool.withConnection { try await core.externalForm(token: token, on: $0) })
        }
        routes.post("v1/external-reviews/:token") { request, context in
            let token = try context.parameters.require("token")
            let body = try await StrideJSONRequestDecoder.collectBody(of: request, context: context)
            let content = try StrideJSONRequestDecoder.decode(ReviewContent.self, from: body)
            return try Response.json(try await core.pool.transaction { try await core.submitExternal(token: token, content, on: $0) })
        }
    }
}
