import Foundation
import Hummingbird
import StridePostgres
import StrideRuntime

extension CoachingRoutes {
    /// The 1:1 routes: scheduling, reading, the agenda, notes (shared and private), action items,
    /// completion with carry-over, cancellation.
    func registerOneOnOnes(on api: RouterGroup<StrideRequestContext>) {
        api.post("v1/one-on-ones") { request, context in
            try await writes.respond(to: request, context: context) { body, connection in
                try await core.scheduleOneOnOne(
                    try StrideJSONRequestDecoder.decode(NewOneOnOne.self, from: body), by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.get("v1/one-on-ones/:meetingID") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("meetingID")
            return try Response.json(try await core.pool.withConnection { try await core.oneOnOne(id, for: principal, on: $0) })
        }
        api.get("v1/employees/:employeeID/one-on-ones") { request, context in
            let principal = try context.requirePrincipal()
            let employeeID = try context.parameters.require("employeeID")
            let page = try PageRequest(from: request)
            return try Response.json(try await core.pool.withConnection {
                try await core.oneOnOnes(of: employeeID, page: page, for: principal, on: $0)
            })
        }
        api.post("v1/one-on-ones/:meetingID/agenda") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.addAgendaItem(
                    try StrideJSONRequestDecoder.decode(NewAgendaItem.self, from: body), to: id, by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.put("v1/one-on-ones/:meetingID/notes") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.writeSharedNotes(
                    try StrideJSONRequestDecoder.decode(SharedNotesBody.self, from: body).sharedNotes, of: id,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.put("v1/one-on-ones/:meetingID/private-note") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.writePrivateNote(
                    try StrideJSONRequestDecoder.decode(PrivateNoteBody.self, from: body).body, on: id,
                    by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/one-on-ones/:meetingID/action-items") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context) { body, connection in
                try await core.addActionItem(
                    try StrideJSONRequestDecoder.decode(NewActionItem.self, from: body), to: id, by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.post("v1/action-items/:actionItemID/done") { request, context in
            let id = try context.parameters.require("actionItemID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.markActionItemDone(id, by: try context.requirePrincipal(), on: connection)
            }
        }
        api.post("v1/one-on-ones/:meetingID/complete") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.completeOneOnOne(
                    try StrideJSONRequestDecoder.decode(CompletionBody.self, from: body), of: id, by: try context.requirePrincipal(),
                    on: connection)
            }
        }
        api.post("v1/one-on-ones/:meetingID/reschedule") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context, status: .ok) { body, connection in
                try await core.rescheduleOneOnOne(id, by: try context.requirePrincipal(), on: connection) {
                    try StrideJSONRequestDecoder.decode(RescheduleBody.self, from: body).scheduledOn
                }
            }
        }
        api.post("v1/one-on-ones/:meetingID/cancel") { request, context in
            let id = try context.parameters.require("meetingID")
            return try await writes.respond(to: request, context: context, status: .ok) { _, connection in
                try await core.cancelOneOnOne(id, by: try context.requirePrincipal(), on: connection)
            }
        }
    }
}
