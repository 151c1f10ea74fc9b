import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for appraisals: reading one with its cycle's phase, the bulk inputs and outputs of
/// scoring a cycle, and release (every appraisal's first version, set-based).
struct AppraisalStore: Sendable {
    let schema: String

    private var joined: String {
        """
        SELECT a.*, c.phase FROM \(schema).appraisals a JOIN \(schema).cycles c ON c.cycle_id = a.cycle_id
        """
    }

    func appraisal(_ appraisalID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> AppraisalView? {
        let rows = try await connection.query("""
            \(unescaped: joined) WHERE a.appraisal_id = \(appraisalID) \(unescaped: forUpdate ? "FOR UPDATE OF a" : "")
            """)
        return try rows.first.map(AppraisalView.init(row:))
    }

    /// A cycle's appraisals by id; only those of employees in `within` when given (a manager's line).
    func appraisals(
        of cycleID: String, within employees: [String]?, after cursor: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [AppraisalView] {
        let rows = try await connection.query("""
            \(unescaped: joined)
            WHERE a.cycle_id = \(cycleID)
              AND (\(employees == nil) OR a.employee_id = ANY(\(employees ?? [])::text[]))
              AND (\(cursor)::text IS NULL OR a.appraisal_id > \(cursor))
            ORDER BY a.appraisal_id LIMIT \(limit)
            """)
        return try rows.map(AppraisalView.init(row:))
    }

    /// The stored explanation of an appraisal's current score.
    func explanation(of appraisalID: String, on connection: PostgresConnection) async throws -> ScoreExplanation? {
        let rows = try await connection.query("""
            SELECT explanation FROM \(unescaped: schema).appraisals WHERE appraisal_id = \(appraisalID)
            """)
        return try rows.first?.decode("explanation", as: PostgresJSON<ScoreExplanation>?.self)?.value
    }

    /// What scoring needs of every active appraisal of a cycle: its attainment in the cycle's
    /// goal period (when the goals service has finalized one) …
    func scoringSubjects(of cycleID: String, on connection: PostgresConnection) async throws -> [ScoringSubject] {
        let rows = try await connection.query("""
            SELECT a.appraisal_id, at.weighted_attainment_percent, at.event_id
            FROM \(unescaped: schema).appraisals a
            JOIN \(unescaped: schema).cycles c ON c.cycle_id = a.cycle_id
            LEFT JOIN \(unescaped: schema).attainments at ON at.employee_id = a.employee_id AND at.period_id = c.period_id
            WHERE a.cycle_id = \(cycleID) AND a.status = 'active'
            ORDER BY a.appraisal_id
            """)
        return try rows.map {
            ScoringSubject(
                appraisalID: try $0.decode("appraisal_id"), attainmentPercent: try $0.decode("weighted_attainment_percent"),
                attainmentEventID: try $0.decode("event_id"))
        }
    }

    /// … and the submitted reviews of some of them, their ratings still JSON text: decoding them
    /// (``SubmittedReviewRow/byAppraisal(_:)``) is left to the scoring, off the connection.
    func submittedReviews(of appraisalIDs: [String], on connection: PostgresConnection) async throws -> [SubmittedReviewRow] {
        let rows = try await connection.query("""
            SELECT r.appraisal_id, r.review_id, r.rater_group, r.content -> 'ratings' AS ratings
            FROM \(unescaped: schema).reviews r
            WHERE r.appraisal_id = ANY(\(appraisalIDs)::text[]) AND r.status = 'submitted'
            """)
        return try rows.map { row in
            SubmittedReviewRow(
                appraisalID: try row.decode("appraisal_id"), reviewID: try row.decode("review_id"),
                group: try row.decode("rater_group"), ratings: try row.decode("ratings"))
        }
    }

    /// Writes computed scores in one statement. A calibrated rating stays as calibration set it.
    /// The ids are also matched with `= ANY`, so the planner finds the chunk's rows by the primary
    /// key instead of hashing the whole table (which it did for every chunk of a large cycle).
    func writeScores(_ scores: ScoreColumns, on connection: PostgresConnection) async throws {
        guard !scores.appraisalIDs.isEmpty else { return }
        try await connection.execute("""
            UPDATE \(unescaped: schema).appraisals a
            SET goal_score = s.goal_score, competency_score = s.competency_score, final_score = s.final_score,
                proposed_level = s.level, rating_level = CASE WHEN a.calibrated THEN a.rating_level ELSE s.level END,
                explanation = s.explanation::json, scored_at = now(), updated_at = now()
            FROM unnest(\(scores.appraisalIDs)::text[], \(scores.goalScores)::numeric[], \(scores.competencyScores)::numeric[],
                        \(scores.finalScores)::numeric[], \(scores.levels)::integer[], \(scores.explanations)::text[])
                 AS s(appraisal_id, goal_score, competency_score, final_score, level, explanation)
            WHERE a.appraisal_id = s.appraisal_id AND a.appraisal_id = ANY(\(scores.appraisalIDs)::text[])
            """)
    }

    /// How many active appraisals of the cycle have no score yet.
    func unscoredCount(of cycleID: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::integer AS n FROM \(unescaped: schema).appraisals
            WHERE cycle_id = \(cycleID) AND status = 'active' AND final_score IS NULL
            """)
        return try rows.first?.decode("n") ?? 0
    }

    /// The ids of the cycle's active appraisals, in order: what bulk work goes through in chunks.
    func activeAppraisalIDs(of cycleID: String, on connection: PostgresConnection) async throws -> [String] {
        try await connection.query("""
            SELECT appraisal_id FROM \(unescaped: schema).appraisals WHERE cycle_id = \(cycleID) AND status = 'active' ORDER BY appraisal_id
            """).map { try $0.decode(0, as: String.self) }
    }

    /// Releases the given active appraisals of the cycle as version 1 (potential `moderate`
    /// where the manager gave none), records the version, and returns what each
    /// ``AppraisalFinalized`` says.
    func release(
        _ appraisalIDs: [String], of cycleID: String, by actor: String, on connection: PostgresConnection
    ) async throws -> [FinalizedAppraisal] {
        let rows = try await connection.query("""
            WITH released AS (
                UPDATE \(unescaped: schema).appraisals
                SET version = 1, potential = coalesce(potential, 'moderate'), rating_level = coalesce(rating_level, proposed_level),
                    updated_at = now()
                WHERE appraisal_id = ANY(\(appraisalIDs)::text[]) AND cycle_id = \(cycleID) AND status = 'active'
                RETURNING *),
            recorded AS (
                INSERT INTO \(unescaped: schema).appraisal_versions
                    (appraisal_id, version, goal_score, competency_score, final_score, rating_level, potential, calibrated,
                     explanation, finalized_by)
                SELECT appraisal_id, version, goal_score, competency_score, final_score, rating_level, potential, calibrated,
                       explanation, \(actor)
                FROM released)
            SELECT r.appraisal_id, r.employee_id, r.manager_id, r.version, r.goal_score, r.competency_score, r.final_score,
                   r.rating_level, r.potential, r.calibrated, c.period_id
            FROM released r JOIN \(unescaped: schema).cycles c ON c.cycle_id = r.cycle_id
            """)
        return try rows.map(FinalizedAppraisal.init(row:))
    }
}

/// A submitted review as read for scoring, its ratings the stored JSON.
struct SubmittedReviewRow: Sendable {
    var appraisalID: String
    var reviewID: String
    var group: String
    var ratings: String

    /// The reviews decoded, by appraisal.
    /// - Throws: when stored ratings are not the JSON a submitted review holds.
    static func byAppraisal(_ rows: [SubmittedReviewRow]) throws -> [String: [SubmittedReview]] {
        let decoder = JSONDecoder()
        var byAppraisal: [String: [SubmittedReview]] = [:]
        for row in rows {
            let review = SubmittedReview(
                reviewID: row.reviewID, group: RaterGroup(rawValue: row.group) ?? .peer,
                ratings: try decoder.decode([CompetencyRating].self, from: Data(row.ratings.utf8)))
            byAppraisal[row.appraisalID, default: []].append(review)
        }
        return byAppraisal
    }
}

/// Scores of a chunk of appraisals as the columns ``AppraisalStore/writeScores(_:on:)`` binds,
/// built as they are computed (the explanation's JSON, exact decimal text), off the connection.
struct ScoreColumns: Sendable {
    var appraisalIDs: [String] = []
    var goalScores: [String?] = []
    var competencyScores: [String?] = []
    var finalScores: [String] = []
    var levels: [Int] = []
    var explanations: [String] = []

    mutating func append(_ appraisalID: String, _ explanation: ScoreExplanation) {
        appraisalIDs.append(appraisalID)
        goalScores.append(explanation.goalScore.map { DecimalText.format($0) })
        competencyScores.append(explanation.competencyScore.map { DecimalText.format($0) })
        finalScores.append(DecimalText.format(explanation.finalScore))
        levels.append(explanation.ratingLevel)
        explanations.append(explanation.jsonText)
    }
}

/// One appraisal to score and its quantitative input.
struct ScoringSubject: Sendable {
    var appraisalID: String
    var attainmentPercent: Decimal?
    var attainmentEventID: String?
}

/// An appraisal version as ``AppraisalFinalized`` announces it.
struct FinalizedAppraisal: Sendable {
    var appraisalID: String
    var employeeID: String
    var managerID: String?
    var periodID: String
    var version: Int
    var goalScore: Decimal?
    var competencyScore: Decimal?
    var finalScore: Decimal
    var ratingLevel: Int
    var potential: TalentLevel
    var calibrated: Bool

    init(row: PostgresRow) throws {
        appraisalID = try row.decode("appraisal_id")
        employeeID = try row.decode("employee_id")
        managerID = try row.decode("manager_id")
        periodID = try row.decode("period_id")
        version = try row.decode("version")
        goalScore = try row.decode("goal_score")
        competencyScore = try row.decode("competency_score")
        finalScore = try row.decode("final_score")
        ratingLevel = try row.decode("rating_level")
        potential = TalentLevel(rawValue: try row.decode("potential")) ?? .moderate
        calibrated = try row.decode("calibrated")
    }
}
