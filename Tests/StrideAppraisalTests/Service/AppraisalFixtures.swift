import Foundation
import HTTPTypes
import StridePostgres
import StrideAppraisal
import StrideContracts
import StrideTestSupport
import Testing

/// The library and cycle every service test starts from: three competencies, the `standard`
/// template (scale 1–5, 60 % goals / 40 % competencies, manager 50 / self 10 / peers 15 /
/// reports 15 / external 10, at least 3 raters per anonymous group) and a cycle over Sales.
enum AppraisalFixtures {
    static let competencies = ["communication", "delivery", "ownership"]

    static let terms = #"""
        {"scale": {"labels": ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]},
         "competencies": [{"competency_id": "communication", "weight_percent": "30"},
                          {"competency_id": "delivery", "weight_percent": "50"},
                          {"competency_id": "ownership", "weight_percent": "20"}],
         "goal_weight_percent": "60", "competency_weight_percent": "40",
         "rater_group_weights": [{"group": "manager", "weight_percent": "50"}, {"group": "self", "weight_percent": "10"},
                                 {"group": "peer", "weight_percent": "15"}, {"group": "direct_report", "weight_percent": "15"},
                                 {"group": "external", "weight_percent": "10"}],
         "minimum_anonymous_raters": 3,
         "bands": [{"level": 1, "minimum_score": "1"}, {"level": 2, "minimum_score": "1.8"}, {"level": 3, "minimum_score": "2.6"},
                   {"level": 4, "minimum_score": "3.4"}, {"level": 5, "minimum_score": "4.2"}],
         "meets_expectations_level": 3}
        """#

    static let schedule = #"""
        [{"phase": "self_review", "starts_on": "2027-01-04", "ends_on": "2027-01-15"},
         {"phase": "nominations", "starts_on": "2027-01-16", "ends_on": "2027-01-22"},
         {"phase": "peer_reviews", "starts_on": "2027-01-23", "ends_on": "2027-02-05"},
         {"phase": "manager_review", "starts_on": "2027-02-06", "ends_on": "2027-02-19"},
         {"phase": "calibration", "starts_on": "2027-02-20", "ends_on": "2027-02-28"},
         {"phase": "feedback", "starts_on": "2027-03-01", "ends_on": "2027-03-31"}]
        """#

    /// Adds the competencies and the `standard` template as `hr`.
    static func library(_ h: AppraisalHarness) async throws {
        for id in competencies {
            let reply = try await h.call(
                .post, "/v1/competencies", as: "hr",
                json: #"{"competency_id": "\#(id)", "name": "\#(id.capitalized)", "description": "How well one does \#(id).", "anchors": [{"level": 1, "text": "Rarely"}, {"level": 3, "text": "Reliably"}, {"level": 5, "text": "Sets the example"}]}"#)
            try #require(reply.status == 201, "\(reply.text)")
        }
        let template = try await h.call(
            .post, "/v1/templates", as: "hr", json: #"{"template_id": "standard", "name": "Standard", "terms": \#(terms)}"#)
        try #require(template.status == 201, "\(template.text)")
    }

    /// Opens the Sales cycle as `hr`. - Returns: its id.
    static func openSalesCycle(_ h: AppraisalHarness) async throws -> String {
        let reply = try await h.call(
            .post, "/v1/cycles", as: "hr",
            json: #"{"name": "2026 annual review", "period_id": "FY2026", "template_id": "standard", "population": {"departments": ["Sales"]}, "schedule": \#(schedule)}"#)
        try #require(reply.status == 201, "\(reply.text)")
        return try reply.string("cycle_id")
    }

    /// Moves the cycle on to `phase` as `hr`.
    static func advance(_ h: AppraisalHarness, _ cycleID: String, to phase: String) async throws {
        let reply = try await h.call(.post, "/v1/cycles/\(cycleID)/phase", as: "hr", json: #"{"phase": "\#(phase)"}"#)
        try #require(reply.status == 200, "\(reply.text)")
    }

    /// The id of `reviewer`'s review of `employee`.
    static func reviewID(_ h: AppraisalHarness, of employee: String, by reviewer: String) async throws -> String {
        try #require(
            try await h.scalar(
                "SELECT review_id FROM $schema.reviews WHERE employee_id = '\(employee)' AND reviewer_id = '\(reviewer)'", as: String.self))
    }

    /// A review body rating every competency at `levels` (communication, delivery, ownership).
    static func ratings(_ levels: [Int], comment: String = "Solid year") -> String {
        let ratings = zip(competencies, levels).map { #"{"competency_id": "\#($0)", "level": \#($1)}"# }.joined(separator: ", ")
        return #"{"ratings": [\#(ratings)], "comments": [], "overall_comment": "\#(comment)"}"#
    }

    /// Submits `reviewer`'s review of `employee`.
    static func submit(_ h: AppraisalHarness, of employee: String, by reviewer: String, levels: [Int]) async throws {
        let id = try await reviewID(h, of: employee, by: reviewer)
        let reply = try await h.call(.post, "/v1/reviews/\(id)/submit", as: reviewer, json: ratings(levels))
        try #require(reply.status == 200, "\(reviewer) on \(employee): \(reply.text)")
    }

    /// A cycle over Sales with every self and manager review submitted and scored, in the
    /// manager-review phase. - Returns: its id.
    static func scoredSalesCycle(_ h: AppraisalHarness, managerLevels: [String: Int] = [:]) async throws -> String {
        try await library(h)
        let cycleID = try await openSalesCycle(h)
        for employee in ["vp1", "m1", "e1", "e2", "e4"] {
            try await submit(h, of: employee, by: employee, levels: [3, 3, 3])
        }
        try await advance(h, cycleID, to: "nominations")
        try await advance(h, cycleID, to: "peer_reviews")
        try await advance(h, cycleID, to: "manager_review")
        for (employee, manager) in [("vp1", "ceo"), ("m1", "vp1"), ("e1", "m1"), ("e2", "m1"), ("e4", "m1")] {
            let level = managerLevels[employee] ?? 3
            try await submit(h, of: employee, by: manager, levels: [level, level, level])
        }
        let scored = try await h.call(.post, "/v1/cycles/\(cycleID)/scores", as: "hr")
        try #require(scored.status == 200, "\(scored.text)")
        return cycleID
    }

    /// The appraisal id of `employee` in the only cycle.
    static func appraisalID(_ h: AppraisalHarness, of employee: String) async throws -> String {
        try #require(try await h.scalar("SELECT appraisal_id FROM $schema.appraisals WHERE employee_id = '\(employee)'", as: String.self))
    }

    /// A guideline for the 1–5 scale: 5 / 15 / 50 / 22 / 8 % with a 5-point tolerance.
    static let guideline = #"""
        {"targets": [{"level": 1, "target_percent": "5"}, {"level": 2, "target_percent": "15"}, {"level": 3, "target_percent": "50"},
                     {"level": 4, "target_percent": "22"}, {"level": 5, "target_percent": "8"}],
         "tolerance_percent": "5"}
        """#
}
