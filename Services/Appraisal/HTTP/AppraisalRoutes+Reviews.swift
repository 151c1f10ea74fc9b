import Hummingbird
import StridePostgres
import StrideRuntime

extension AppraisalRoutes {
    /// A reviewer's assignments: listed, read, drafted, submitted or declined — by the reviewer only.
    func registerReviews(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/reviews") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            let cycleID = request.query("cycle_id")
            let status = try request.query("status", as: ReviewStatus.self)
            return try Response.json(try await core.pool.withConnection {
                try await core.assignments(of: principal, cycleID: cycleID, status: status, page: page, on: $0)
            })
        }
        api.get("v1/reviews/:reviewID") { _, context in
            let principal = try context.requirePrincipal()
            let reviewID = try context.parameters.require("reviewID")
            return try Response.json(try await core.pool.withConnection { try await core.review(reviewID, for: principal, on: $0) })
        }
        api.put("v1/reviews/:reviewID") { request, context in
            let reviewID = try context.parameters.require("reviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.writeReview(
                    reviewID, try StrideJSONRequestDecoder.decode(ReviewContent.self, from: body), submit: false,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/reviews/:reviewID/submit") { request, context in
            let reviewID = try context.parameters.require("reviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.writeReview(
                    reviewID, try StrideJSONRequestDecoder.decode(ReviewContent.self, from: body), submit: true,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/reviews/:reviewID/decline") { request, context in
            let reviewID = try context.parameters.require("reviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.declineReview(
                    reviewID, reason: try StrideJSONRequestDecoder.decode(DeclineBody.self, from: body).reason,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
