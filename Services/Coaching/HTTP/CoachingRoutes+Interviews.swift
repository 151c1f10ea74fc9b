import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// Feedback interviews (scheduled from `AppraisalFinalized`): read, move, record, sign off.
    func registerInterviews(on api: RouterGroup<StrideRequestContext>) {
        api.get("v1/feedback-interviews/:interviewID") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("interviewID")
            return try Response.json(try await core.pool.withConnection { try await core.feedbackInterview(id, for: principal, on: $0) })
        }
        api.put("v1/feedback-interviews/:interviewID/record") { request, context in
            let id = try context.parameters.require("interviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.writeInterviewRecord(
                    id, try StrideJSONRequestDecoder.decode(InterviewRecordBody.self, from: body),
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/feedback-interviews/:interviewID/sign") { request, context in
            let id = try context.parameters.require("interviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.signInterview(id, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/feedback-interviews/:interviewID/reschedule") { request, context in
            let id = try context.parameters.require("interviewID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.rescheduleInterview(id, by: try context.requirePrincipal(), on: connection) {
                    try StrideJSONRequestDecoder.decode(RescheduleBody.self, from: body).scheduledOn
                }
            }
        }
        api.get("v1/employees/:employeeID/feedback-interviews") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.feedbackInterviews(of: employeeID, page: page, for: principal, on: $0)
            })
        }
    }
}
