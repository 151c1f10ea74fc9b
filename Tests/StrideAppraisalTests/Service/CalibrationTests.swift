import Foundation
import HTTPTypes
import StrideAppraisal
import StrideContracts
import StrideKafka
import StrideTestSupport
import Testing

/// Calibration with the real database and broker: a session over a population, its live
/// distribution against the guideline, the nine-box, adjustments only with a reason and by
/// someone other than the person calibrated, each announced; a locked session changes nothing.
@Suite("Appraisal: calibration", .serialized)
struct CalibrationTests {
    @Test("a session's distribution and nine-box follow adjustments; each adjustment is audited and announced with the new distribution")
    func calibrate() async throws {
        try await AppraisalHarness.appraisal { h in
            let tap = try await TopicTap.start(topic: StrideTopic.appraisal.rawValue, source: "/stride/\(h.schema)")
            let cycleID = try await AppraisalFixtures.scoredSalesCycle(h, managerLevels: ["e1": 5])
            try await AppraisalFixtures.advance(h, cycleID, to: "calibration")
            let e1 = try await AppraisalFixtures.appraisalID(h, of: "e1")
            let e2 = try await AppraisalFixtures.appraisalID(h, of: "e2")
            let vp1 = try await AppraisalFixtures.appraisalID(h, of: "vp1")

            let potential = try await h.call(.put, "/v1/appraisals/\(e2)/potential", as: "m1", json: #"{"potential": "high"}"#)
            #expect(potential.status == 200, "\(potential.text)")
            #expect(try await h.call(.put, "/v1/appraisals/\(e2)/potential", as: "e2", json: #"{"potential": "high"}"#).status == 403, "nobody rates their own potential")
            let badPotential = try await h.call(.put, "/v1/appraisals/\(e2)/potential", as: "m1", json: #"{"potential": "stellar"}"#)
            #expect(badPotential.status == 400, "\(badPotential.text)")

            let body = #"{"name": "Sales", "departments": ["Sales"], "guideline": \#(AppraisalFixtures.guideline), "participants": ["vp1", "m1"]}"#
            #expect(try await h.call(.post, "/v1/cycles/\(cycleID)/calibration-sessions", as: "vp1", json: body).status == 403)
            #expect(try await h.call(.get, "/v1/cycles/no-such-cycle/calibration-sessions", as: "hr").status == 404)
            let opened = try await h.call(.post, "/v1/cycles/\(cycleID)/calibration-sessions", as: "hr", json: body)
            #expect(opened.status == 201, "\(opened.text)")
            let sessionID = try opened.string("session_id")
            let badGuideline = try await h.call(
                .post, "/v1/cycles/\(cycleID)/calibration-sessions", as: "hr",
                json: body.replacingOccurrences(of: #""target_percent": "8""#, with: #""target_percent": "9""#))
            #expect(badGuideline.status == 400 || badGuideline.status == 422, "\(badGuideline.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.calibration_sessions", as: Int.self) == 1)

            // e1 at 5 (manager 5, self 3, no attainment): the other four at 3.
            let before = try await h.call(.get, "/v1/calibration-sessions/\(sessionID)/distribution", as: "m1")
            #expect(before.status == 200, "\(before.text)")
            #expect(try before.json["population_count"] as? Int == 5)
            let cells = try #require(try before.json["cells"] as? [[String: Any]])
            #expect(cells.map { $0["count"] as? Int } == [0, 0, 4, 0, 1], "\(before.text)")
            #expect(cells.map { $0["status"] as? String } == ["within", "below", "above", "below", "above"], "\(before.text)")
            #expect(try await h.call(.get, "/v1/calibration-sessions/\(sessionID)/distribution", as: "e1").status == 404)
            #expect(try await h.call(.get, "/v1/calibration-sessions/\(sessionID)", as: "m2").status == 404)

            let noReason = try await h.call(
                .post, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "m1",
                json: #"{"appraisal_id": "\#(e1)", "rating_level": 4, "reason": "  "}"#)
            #expect(noReason.status == 400 && noReason.problemFields == ["reason"], "\(noReason.text)")
            let own = try await h.call(
                .post, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "vp1",
                json: #"{"appraisal_id": "\#(vp1)", "rating_level": 5, "reason": "I think so"}"#)
            #expect(own.status == 403, "\(own.text)")
            let outOfScale = try await h.call(
                .post, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "m1",
                json: #"{"appraisal_id": "\#(e1)", "rating_level": 7, "reason": "Off the chart"}"#)
            #expect(outOfScale.status == 400 && outOfScale.problemFields == ["rating_level"], "\(outOfScale.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.calibration_adjustments", as: Int.self) == 0)

            let adjusted = try await h.call(
                .post, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "m1",
                json: #"{"appraisal_id": "\#(e1)", "rating_level": 4, "potential": "high", "reason": "Strong year, but the team carried two of the deals."}"#)
            #expect(adjusted.status == 201, "\(adjusted.text)")
            let after = try await h.call(.get, "/v1/calibration-sessions/\(sessionID)/distribution", as: "hr")
            let afterCells = try #require(try after.json["cells"] as? [[String: Any]])
            #expect(afterCells.map { $0["count"] as? Int } == [0, 0, 4, 1, 0], "\(after.text)")
            let nineBox = try await h.call(.get, "/v1/calibration-sessions/\(sessionID)/nine-box", as: "vp1")
            #expect(nineBox.status == 200, "\(nineBox.text)")
            let boxes = try #require(try nineBox.json["cells"] as? [[String: Any]])
            let star = boxes.first { box in
                let cell = box["cell"] as? [String: Any]
                return cell?["performance"] as? String == "high" && cell?["potential"] as? String == "high"
            }
            #expect(star?["employee_ids"] as? [String] == ["e1"], "\(nineBox.text)")
            let trail = try await h.call(.get, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "hr")
            let rows = try trail.items
            #expect(rows.count == 1 && rows.first?["previous_level"] as? Int == 5 && rows.first?["level"] as? Int == 4, "\(trail.text)")
            #expect(rows.first?["adjusted_by"] as? String == "m1")

            let locked = try await h.call(.post, "/v1/calibration-sessions/\(sessionID)/lock", as: "hr")
            let value1 = try locked.string("status")
            #expect(locked.status == 200 && value1 == "locked", "\(locked.text)")
            let late = try await h.call(
                .post, "/v1/calibration-sessions/\(sessionID)/adjustments", as: "hr",
                json: #"{"appraisal_id": "\#(e2)", "rating_level": 4, "reason": "Late change"}"#)
            #expect(late.status == 409, "\(late.text)")
            #expect(try await h.call(.post, "/v1/calibration-sessions/\(sessionID)/lock", as: "hr").status == 409)

            let events = try await tap.events {
                $0.contains { $0.0.type == AppraisalCalibrated.eventType }
                    && $0.filter { $0.0.type == CalibrationDistributionChanged.eventType }.count >= 3
            }
            await tap.close()
            let calibrated = try events.filter { $0.0.type == AppraisalCalibrated.eventType }
                .map { try EventCodec.decodePayload(AppraisalCalibrated.self, from: $0.1.value) }
            #expect(calibrated.count == 1)
            #expect(calibrated.first?.previousRating.level == 5 && calibrated.first?.rating.level == 4 && calibrated.first?.employeeID == "e1")
            #expect(calibrated.first?.nineBox == NineBoxCell(performance: .high, potential: .high))
            let distributions = try events.filter { $0.0.type == CalibrationDistributionChanged.eventType }
                .map { try EventCodec.decodePayload(CalibrationDistributionChanged.self, from: $0.1.value) }
            #expect(distributions.map { $0.shares.map(\.count) } == [[0, 0, 4, 0, 1], [0, 0, 4, 1, 0], [0, 0, 4, 1, 0]])
            #expect(distributions.map(\.locked) == [false, false, true])
            #expect(distributions.allSatisfy { $0.calibrationSessionID == sessionID && $0.populationCount == 5 })
        }
    }
}
