import Foundation
import HTTPTypes
import StrideContracts
import StrideGoals
import StrideKafka
import StrideTestSupport
import Testing

@Suite("Goals service: templates and bulk assignment", .serialized)
struct TemplateAssignmentTests {
    @Test("HR assigns a template to a department in one call; a rerun adds nothing; a manager reaches only their line")
    func assignment() async throws {
        try await GoalsHarness.run { h in
            let tap = try await EventTap.start(schema: h.schema)
            let period = try await h.openYear()
            let (_, department, _) = try await h.cascade(period: period)
            let template = try await h.call(.post, "/v1/templates", as: "hr", json: """
                {"title": "Customer NPS ≥ 60", "kind": "kpi", "weight": "25",
                 "measure": {"unit": "points", "direction": "increase", "start_value": "40", "target_value": "60"}}
                """)
            #expect(template.status == 201, "\(template.text)")
            let templateID = try template.string("template_id")
            let body = #"{"period_id": "\#(period)", "department": "Sales", "parent_goal_id": "\#(department)"}"#
            let assigned = try await h.call(.post, "/v1/templates/\(templateID)/assignments", as: "hr", json: body)
            #expect(assigned.status == 201, "\(assigned.text)")
            #expect(try assigned.json["created"] as? Int == 4, "vp1, m1, e1, e2 are in Sales")
            let again = try await h.call(.post, "/v1/templates/\(templateID)/assignments", as: "hr", json: body)
            #expect(try again.json["created"] as? Int == 0)

            let mine = try await h.call(.get, "/v1/goals?period_id=\(period)&owner_id=e1", as: "e1")
            let goal = try #require(try mine.items.first)
            // Bulk-made ids are time-ordered UUIDs version 7, like the ones the service mints.
            let id = try #require(goal["goal_id"] as? String)
            #expect(Array(id)[14] == "7", "\(id) is not a version-7 UUID")
            #expect(goal["status"] as? String == "draft")
            #expect((goal["definition"] as? [String: Any])?["parent_goal_id"] as? String == department)
            #expect((goal["definition"] as? [String: Any])?["weight"] as? String == "25")

            // m2 leads Engineering people only: assigning to Sales by job title reaches nobody.
            let byTitle = #"{"period_id": "\#(period)", "job_title": "Account Executive"}"#
            #expect(try await h.call(.post, "/v1/templates/\(templateID)/assignments", as: "m2", json: byTitle).json["created"] as? Int == 0)
            #expect(try await h.call(.post, "/v1/templates/\(templateID)/assignments", as: "e1", json: byTitle).status == 403)
            #expect(try await h.call(.post, "/v1/templates/\(templateID)/assignments", as: "hr", json: #"{"period_id": "\#(period)"}"#).status == 400)
            #expect(try await h.call(.post, "/v1/templates/nope/assignments", as: "hr", json: body).status == 404)

            let events = try await tap.events { $0.filter { $0.0.type == GoalCreated.eventType }.count >= 7 }
            await tap.close()
            let created = try events.filter { $0.0.type == GoalCreated.eventType }.map { try EventCodec.decodePayload(GoalCreated.self, from: $0.1.value) }
            #expect(created.filter { $0.definition.title == "Customer NPS ≥ 60" }.map(\.ownerID).sorted() == ["e1", "e2", "m1", "vp1"])
        }
    }
}
