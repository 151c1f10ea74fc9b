import Foundation
import HTTPTypes
import StrideAppraisal
import StrideContracts
import StrideKafka
import StrideTestSupport
import Testing

/// People who join or leave mid-cycle, from the real `hr.employees.v1`: a joiner the population
/// rule includes is added with their opening review requests; a leaver is withdrawn with every
/// review they were still to write or receive. The harness gives the service an org topic of its
/// own, so what it publishes reaches this instance only.
@Suite("Appraisal: joiners and leavers", .serialized)
struct PopulationTests {
    @Test("a joiner is added to the open cycle with self and manager review requests; when they leave, all of it is withdrawn")
    func joinAndLeave() async throws {
        try await AppraisalHarness.appraisal { h in
            try await AppraisalFixtures.library(h)
            let department = TestEnvironment.uniqueName("dept")
            let lead = TestEnvironment.uniqueName("lead")
            let joiner = TestEnvironment.uniqueName("joiner")
            try await h.publishEmployees(
                [AppraisalHarness.employee(lead, manager: nil, department: department)])
            try await waitUntil("the lead in the projection", timeout: .seconds(60)) {
                try await h.scalar("SELECT count(*)::int FROM $schema.org_employees WHERE employee_id = '\(lead)'", as: Int.self) == 1
            }
            let opened = try await h.call(
                .post, "/v1/cycles", as: "hr",
                json: #"{"name": "Pilot", "period_id": "FY2026", "template_id": "standard", "population": {"departments": ["\#(department)"]}, "schedule": \#(AppraisalFixtures.schedule)}"#)
            #expect(opened.status == 201, "\(opened.text)")
            let cycleID = try opened.string("cycle_id")
            let tap = try await TopicTap.start(topic: StrideTopic.appraisal.rawValue, source: "/stride/\(h.schema)")

            try await h.publishEmployees(
                [AppraisalHarness.employee(joiner, manager: lead, department: department)])
            try await waitUntil("the joiner's appraisal", timeout: .seconds(60)) {
                try await h.scalar(
                    "SELECT count(*)::int FROM $schema.appraisals WHERE cycle_id = '\(cycleID)' AND employee_id = '\(joiner)' AND status = 'active'",
                    as: Int.self) == 1
            }
            let requested = try await h.scalar(
                "SELECT string_agg(rater_group || ':' || reviewer_id, ',' ORDER BY rater_group) FROM $schema.reviews WHERE employee_id = '\(joiner)'",
                as: String.self)
            #expect(requested == "manager:\(lead),self:\(joiner)")
            #expect(try await h.scalar("SELECT participant_count FROM $schema.cycles WHERE cycle_id = '\(cycleID)'", as: Int.self) == 2)
            // The tap starts after the cycle opened, so the lead's own opening request may still be
            // on its way to the topic: only the joiner's requests are counted.
            let joinerRequests: ([(EventMetadata, KafkaConsumerMessage)]) -> [ReviewRequested] = { events in
                events.filter { $0.0.type == ReviewRequested.eventType }
                    .compactMap { try? EventCodec.decodePayload(ReviewRequested.self, from: $0.1.value) }
                    .filter { $0.employeeID == joiner }
            }
            let announced = joinerRequests(try await tap.events { joinerRequests($0).count >= 2 })
            #expect(announced.count == 2)
            #expect(Set(announced.map(\.raterGroup)) == [.selfReview, .manager])
            await tap.close()

            // The same record again (a new event id): the joiner is in the cycle already, nothing is added.
            try await h.publishEmployees(
                [AppraisalHarness.employee(joiner, manager: lead, department: department)])

            try await h.publishEmployees(
                [EmployeeTerminated(employeeID: joiner, terminationDate: CalendarDate(year: 2027, month: 1, day: 10), reason: "resigned")])
            try await waitUntil("the leaver withdrawn", timeout: .seconds(60)) {
                try await h.scalar("SELECT status FROM $schema.appraisals WHERE employee_id = '\(joiner)'", as: String.self) == "withdrawn"
            }
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.appraisals WHERE employee_id = '\(joiner)'", as: Int.self) == 1)
            #expect(
                try await h.scalar("SELECT count(*)::int FROM $schema.reviews WHERE employee_id = '\(joiner)' AND status <> 'withdrawn'", as: Int.self) == 0)
            #expect(try await h.scalar("SELECT participant_count FROM $schema.cycles WHERE cycle_id = '\(cycleID)'", as: Int.self) == 1)
            let appraisalID = try await AppraisalFixtures.appraisalID(h, of: joiner)
            let withdrawn = try await h.call(.get, "/v1/appraisals/\(appraisalID)", as: "hr").json["status"] as? String
            #expect(withdrawn == "withdrawn")
        }
    }
}
