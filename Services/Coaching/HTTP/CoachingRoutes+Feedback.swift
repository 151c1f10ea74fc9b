import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// Continuous feedback and requests for it.
    func registerFeedback(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/feedback") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.giveFeedback(
                    try StrideJSONRequestDecoder.decode(NewFeedback.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/feedback/given") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.feedback(givenBy: principal, page: page, on: $0) })
        }
        api.get("v1/feedback/public") { request, context in
            _ = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.kudosWall(page: page, on: $0) })
        }
        api.get("v1/employees/:employeeID/feedback") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.feedback(about: employeeID, page: page, for: principal, on: $0)
            })
        }
        api.post("v1/feedback-requests") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.requestFeedback(
                    try StrideJSONRequestDecoder.decode(NewFeedbackRequest.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/feedback-requests/inbox") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.feedbackInbox(of: principal, page: page, on: $0) })
        }
        api.get("v1/feedback-requests/mine") { request, context in
            let principal = try context.requirePrincipal()
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection { try await core.feedbackRequests(of: principal, page: page, on: $0) })
        }
    }
}
