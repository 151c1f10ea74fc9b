import Foundation
import HTTPTypes
import StrideCoaching
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// Continuous feedback and feedback requests through HTTP: giving, the visibility matrix of the
/// three audiences, the lists, requests and their answers, and `FeedbackGiven` without the text.
@Suite("Coaching: feedback", .serialized)
struct FeedbackTests {
    static func give(
        _ h: CoachingHarness, from giver: String, to recipient: String, audience: String, kind: String = "praise",
        message: String = "Thanks for the demo", extra: String = ""
    ) async throws -> TestReply {
        try await h.call(
            .post, "/v1/feedback", as: giver,
            json: #"{"recipient_id": "\#(recipient)", "kind": "\#(kind)", "audience": "\#(audience)", "message": "\#(message)"\#(extra)}"#)
    }

    @Test("feedback is given and stored; FeedbackGiven carries the audience's contract visibility and never the text")
    func giveAndEmit() async throws {
        try await CoachingHarness.coaching { h in
            let tap = try await TopicTap.start(topic: StrideTopic.coaching.rawValue, source: "/stride/\(h.schema)")
            let marker = "MARKER-\(UUID().uuidString)"
            let kudos = try await Self.give(
                h, from: "e1", to: "e2", audience: "public", message: "Great launch \(marker)",
                extra: #", "goal_id": "g-9", "competency_id": "teamwork""#)
            #expect(kudos.status == 201, "\(kudos.text)")
            #expect(try kudos.string("giver_id") == "e1")
            #expect(try kudos.string("recipient_id") == "e2")
            #expect(try kudos.string("audience") == "public")
            #expect(try kudos.string("message") == "Great launch \(marker)")
            let hint = try await Self.give(
                h, from: "m1", to: "e1", audience: "recipient_only", kind: "constructive", message: "Shorter slides \(marker)")
            #expect(hint.status == 201, "\(hint.text)")

            let events = try await tap.events { $0.filter { $0.0.type == FeedbackGiven.eventType }.count >= 2 }
            await tap.close()
            let given = events.filter { $0.0.type == FeedbackGiven.eventType }
            #expect(given.count == 2)
            for (_, message) in given {
                #expect(!String(decoding: message.value, as: UTF8.self).contains(marker), "the text left coaching")
            }
            let payloads = try given.map { try EventCodec.decodePayload(FeedbackGiven.self, from: $0.1.value) }
            let public_ = try #require(payloads.first { $0.feedbackID == (try? kudos.string("feedback_id")) })
            #expect(public_.employeeID == "e2" && public_.actorID == "e1" && public_.kind == .praise)
            #expect(public_.visibility == .shared && public_.message == nil)
            #expect(public_.goalID == "g-9" && public_.competencyID == "teamwork")
            let private_ = try #require(payloads.first { $0.feedbackID == (try? hint.string("feedback_id")) })
            #expect(private_.employeeID == "e1" && private_.kind == .constructive && private_.visibility == .private)
            #expect(private_.message == nil)
            #expect(given.allSatisfy { $0.1.keyString == "e2" || $0.1.keyString == "e1" })
            // Audited under the giver's name.
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.audit_trail WHERE actor_id = 'e1' AND action = 'give_feedback'", as: Int.self) == 1)
        }
    }

    @Test("bad feedback is a 4xx naming the field and writes nothing")
    func refused() async throws {
        try await CoachingHarness.coaching { h in
            #expect(try await h.call(.post, "/v1/feedback", as: nil, json: #"{"recipient_id": "e2"}"#).status == 401)
            let own = try await Self.give(h, from: "e1", to: "e1", audience: "public")
            #expect(own.status == 422 && own.problemFields == ["recipient_id"], "\(own.text)")
            let empty = try await Self.give(h, from: "e1", to: "e2", audience: "public", message: "  ")
            #expect(empty.status == 400 && empty.problemFields == ["message"], "\(empty.text)")
            let long = try await Self.give(h, from: "e1", to: "e2", audience: "public", message: String(repeating: "x", count: 4001))
            #expect(long.status == 400 && long.problemFields == ["message"], "\(long.text)")
            let kind = try await Self.give(h, from: "e1", to: "e2", audience: "public", kind: "rant")
            #expect(kind.status == 400 && kind.problemFields == ["kind"], "\(kind.text)")
            let audience = try await Self.give(h, from: "e1", to: "e2", audience: "everyone")
            #expect(audience.status == 400 && audience.problemFields == ["audience"], "\(audience.text)")
            let stranger = try await Self.give(h, from: "e1", to: "nobody", audience: "public")
            #expect(stranger.status == 400 && stranger.problemFields == ["recipient_id"], "\(stranger.text)")
            let blankGoal = try await Self.give(h, from: "e1", to: "e2", audience: "public", extra: #", "goal_id": " ""#)
            #expect(blankGoal.status == 400 && blankGoal.problemFields == ["goal_id"], "\(blankGoal.text)")
            let noRequest = try await Self.give(h, from: "e1", to: "e2", audience: "public", extra: #", "request_id": "r-404""#)
            #expect(noRequest.status == 400 && noRequest.problemFields == ["request_id"], "\(noRequest.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.feedback", as: Int.self) == 0)
        }
    }

    /// Who sees which audience through `GET /v1/employees/e1/feedback`, when e2 gives e1 feedback.
    static let matrix: [(viewer: String, role: String, sees: Set<String>)] = [
        ("e2", "giver", ["recipient_only", "recipient_and_manager", "public"]),
        ("e1", "recipient", ["recipient_only", "recipient_and_manager", "public"]),
        ("m1", "recipient's manager", ["recipient_and_manager", "public"]),
        ("vp1", "skip-level", ["public"]),
        ("hr", "HR", ["public"]),
        ("e3", "unrelated peer", ["public"]),
    ]

    @Test("service tokens read the documented views and write nothing: feedback, requests, check-ins and 1:1s are 403 and store nothing")
    func serviceTokensWriteNothing() async throws {
        try await CoachingHarness.coaching { h in
            let writes: [(HTTPRequest.Method, String, String)] = [
                (.post, "/v1/feedback", #"{"recipient_id": "e1", "kind": "praise", "message": "Great work", "audience": "public"}"#),
                (.post, "/v1/feedback-requests", #"{"respondent_ids": ["e2"], "question": "How did the launch go?", "due_on": "2026-07-20"}"#),
                (.post, "/v1/employees/e1/check-ins", #"{"held_on": "2026-07-02", "what_moved": "x", "confidence": 3}"#),
                (.post, "/v1/one-on-ones", #"{"employee_id": "e1", "manager_id": "m1", "scheduled_on": "2026-07-09"}"#),
                (.post, "/v1/employees/e1/evidence", #"{"occurred_on": "2026-07-01", "what_happened": "x"}"#),
            ]
            for (method, path, body) in writes {
                let reply = try await h.call(method, path, as: "appraisal-bot", json: body)
                #expect(reply.status == 403, "\(path): \(reply.text)")
            }
            for table in ["feedback", "feedback_requests", "check_ins", "one_on_ones", "evidence"] {
                #expect(try await h.scalar("SELECT count(*)::int FROM $schema.\(table)", as: Int.self) == 0, "\(table)")
            }
            #expect(try await h.call(.get, "/v1/employees/e1/timeline", as: "appraisal-bot").status == 200)
            #expect(try await h.call(.get, "/v1/managers/m1/team-board", as: "appraisal-bot").status == 200)
            // People's tokens are unaffected.
            #expect(try await h.call(.post, "/v1/feedback", as: "e2", json: writes[0].2).status == 201)
        }
    }

    @Test("the visibility matrix: each audience × giver, recipient, manager, skip-level, HR and an unrelated peer")
    func visibilityMatrix() async throws {
        try await CoachingHarness.coaching { h in
            for audience in ["recipient_only", "recipient_and_manager", "public"] {
                let reply = try await Self.give(h, from: "e2", to: "e1", audience: audience, message: "About the \(audience) thing")
                #expect(reply.status == 201, "\(reply.text)")
            }
            // Someone else's recipient-only feedback about e1 stays hidden from the giver e2 too.
            #expect(try await Self.give(h, from: "e3", to: "e1", audience: "recipient_only", message: "From e3").status == 201)
            for (viewer, role, sees) in Self.matrix {
                let reply = try await h.call(.get, "/v1/employees/e1/feedback", as: viewer)
                #expect(reply.status == 200, "\(role): \(reply.text)")
                let fromE2 = try reply.items.filter { $0["giver_id"] as? String == "e2" }
                #expect(Set(fromE2.compactMap { $0["audience"] as? String }) == sees, "\(role) (\(viewer))")
                #expect(fromE2.count == sees.count, "\(role) (\(viewer))")
                let fromE3 = try reply.items.filter { $0["giver_id"] as? String == "e3" }.count
                #expect(fromE3 == (["e1", "e3"].contains(viewer) ? 1 : 0), "\(role) (\(viewer)) and e3's recipient-only feedback")
            }
            #expect(try await h.call(.get, "/v1/employees/nobody/feedback", as: "hr").status == 404)
            #expect(try await h.call(.get, "/v1/employees/e1/feedback", as: nil).status == 401)
        }
    }

    @Test("given and public lists, newest first, paginated with a cursor")
    func lists() async throws {
        try await CoachingHarness.coaching { h in
            var ids: [String] = []
            for (index, recipient) in ["e2", "e3", "m1"].enumerated() {
                let reply = try await Self.give(h, from: "e1", to: recipient, audience: index == 1 ? "recipient_only" : "public")
                ids.append(try reply.string("feedback_id"))
            }
            #expect(try await Self.give(h, from: "e2", to: "e3", audience: "public").status == 201)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/feedback/given?limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await h.call(.get, path, as: "e1")
                #expect(page.status == 200, "\(page.text)")
                seen += try page.items.compactMap { $0["feedback_id"] as? String }
                cursor = try page.json["next_cursor"] as? String
            } while cursor != nil && seen.count < 10
            #expect(seen == ids.reversed())

            let wall = try await h.call(.get, "/v1/feedback/public", as: "hr2")
            #expect(wall.status == 200)
            let wallItems = try wall.items
            #expect(wallItems.count == 3)
            #expect(wallItems.allSatisfy { $0["audience"] as? String == "public" })
            #expect(wallItems.first?["giver_id"] as? String == "e2")
            #expect(try await h.call(.get, "/v1/feedback/public?limit=0", as: "e1").problemFields == ["limit"])
            #expect(try await h.call(.get, "/v1/feedback/given?cursor=***", as: "e1").problemFields == ["cursor"])
            #expect(try await h.call(.get, "/v1/feedback/given", as: nil).status == 401)
        }
    }

    @Test("Idempotency-Key: a retried POST /v1/feedback replays the first answer and gives nothing twice")
    func idempotent() async throws {
        try await CoachingHarness.coaching { h in
            let body = #"{"recipient_id": "e2", "kind": "praise", "audience": "public", "message": "Once"}"#
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "fb-1"
            let first = try await h.call(.post, "/v1/feedback", as: "e1", json: body, headers: headers)
            let second = try await h.call(.post, "/v1/feedback", as: "e1", json: body, headers: headers)
            #expect(first.status == 201 && second.status == 201)
            #expect(try first.string("feedback_id") == second.string("feedback_id"))
            #expect(second.headers[IdempotentWrites.replayedHeader] == "true")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.feedback", as: Int.self) == 1)
        }
    }

    @Test("feedback requests: asked colleagues see them in their inbox; a named respondent's answer closes their part")
    func requests() async throws {
        try await CoachingHarness.coaching { h in
            let asked = try await h.call(
                .post, "/v1/feedback-requests", as: "e1",
                json: #"{"respondent_ids": ["e2", "e3"], "due_on": "2026-07-20", "prompt": "How did the launch go?"}"#)
            #expect(asked.status == 201, "\(asked.text)")
            let requestID = try asked.string("request_id")
            #expect(try asked.string("requester_id") == "e1")
            #expect(try (asked.json["respondents"] as? [[String: Any]])?.count == 2)

            let inbox = try await h.call(.get, "/v1/feedback-requests/inbox", as: "e2")
            #expect(inbox.status == 200)
            #expect(try inbox.items.map { $0["request_id"] as? String } == [requestID])
            #expect(try inbox.items.first?["prompt"] as? String == "How did the launch go?")
            #expect(try await h.call(.get, "/v1/feedback-requests/inbox", as: "m1").items.isEmpty)

            // Only a named respondent answers, and only about the requester.
            let outsider = try await Self.give(h, from: "m1", to: "e1", audience: "recipient_only", extra: #", "request_id": "\#(requestID)""#)
            #expect(outsider.status == 400 && outsider.problemFields == ["request_id"], "\(outsider.text)")
            let wrongPerson = try await Self.give(h, from: "e3", to: "e2", audience: "recipient_only", extra: #", "request_id": "\#(requestID)""#)
            #expect(wrongPerson.status == 422 && wrongPerson.problemFields == ["recipient_id"], "\(wrongPerson.text)")
            let answer = try await Self.give(h, from: "e2", to: "e1", audience: "recipient_only", extra: #", "request_id": "\#(requestID)""#)
            #expect(answer.status == 201, "\(answer.text)")
            #expect(try answer.string("request_id") == requestID)
            let again = try await Self.give(h, from: "e2", to: "e1", audience: "public", extra: #", "request_id": "\#(requestID)""#)
            #expect(again.status == 409, "\(again.text)")

            #expect(try await h.call(.get, "/v1/feedback-requests/inbox", as: "e2").items.isEmpty)
            #expect(try await h.call(.get, "/v1/feedback-requests/inbox", as: "e3").items.count == 1)
            let mine = try await h.call(.get, "/v1/feedback-requests/mine", as: "e1")
            #expect(mine.status == 200)
            let respondents = try #require(try mine.items.first?["respondents"] as? [[String: Any]])
            let answered = Dictionary(uniqueKeysWithValues: respondents.map { ($0["respondent_id"] as? String ?? "", $0["answered"] as? Bool ?? false) })
            #expect(answered == ["e2": true, "e3": false])
            #expect(respondents.first { $0["respondent_id"] as? String == "e2" }?["feedback_id"] as? String == (try answer.string("feedback_id")))
            #expect(try await h.call(.get, "/v1/feedback-requests/mine", as: "e2").items.isEmpty)
        }
    }

    @Test("a bad feedback request is a 4xx naming the field and writes nothing")
    func badRequests() async throws {
        try await CoachingHarness.coaching { h in
            func ask(_ json: String) async throws -> TestReply { try await h.call(.post, "/v1/feedback-requests", as: "e1", json: json) }
            let yourself = try await ask(#"{"respondent_ids": ["e1"], "due_on": "2026-07-20"}"#)
            #expect(yourself.status == 422 && yourself.problemFields == ["respondent_ids[0]"], "\(yourself.text)")
            let nobody = try await ask(#"{"respondent_ids": [], "due_on": "2026-07-20"}"#)
            #expect(nobody.status == 400 && nobody.problemFields == ["respondent_ids"], "\(nobody.text)")
            let today = try await ask(#"{"respondent_ids": ["e2"], "due_on": "2026-07-02"}"#)
            #expect(today.status == 400 && today.problemFields == ["due_on"], "\(today.text)")
            let twice = try await ask(#"{"respondent_ids": ["e2", "e2"], "due_on": "2026-07-20"}"#)
            #expect(twice.status == 400 && twice.problemFields == ["respondent_ids[1]"], "\(twice.text)")
            let unknown = try await ask(#"{"respondent_ids": ["e2", "ghost"], "due_on": "2026-07-20"}"#)
            #expect(unknown.status == 400 && unknown.problemFields == ["respondent_ids[1]"], "\(unknown.text)")
            let date = try await ask(#"{"respondent_ids": ["e2"], "due_on": "soon"}"#)
            #expect(date.status == 400 && date.problemFields == ["due_on"], "\(date.text)")
            #expect(try await h.call(.post, "/v1/feedback-requests", as: nil, json: "{}").status == 401)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.feedback_requests", as: Int.self) == 0)
        }
    }
}
