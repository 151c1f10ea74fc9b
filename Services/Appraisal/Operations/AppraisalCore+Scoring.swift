import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    /// How many appraisals bulk work (opening, scoring, release) handles at a time inside its one
    /// transaction, so that a cycle of any size needs the memory of one chunk.
    static let bulkChunk = 2_000

    var appraisals: AppraisalStore { AppraisalStore(schema: schema) }

    /// Scores every active appraisal of a cycle from its stored inputs (HR): the attainment the
    /// goals service finalized for the cycle's period and the submitted reviews, by the pinned
    /// template (``ScoreCalculator``). Two reads and one write, whatever the cycle's size; each
    /// score keeps its full provenance, so scoring again from the same inputs gives the same
    /// numbers. Calibrated ratings stay as calibration set them.
    /// - Throws: 403 for anyone but HR; 404 for no such cycle; 409 outside manager review and
    ///   calibration.
    func scoreCycle(_ cycleID: String, by principal: Principal, on connection: PostgresConnection) async throws -> ScoringSummary {
        try principal.require(anyOf: [.hr, .admin])
        guard let cycle = try await cycles.cycle(cycleID, forUpdate: true, on: connection) else { throw Problem.notFound("No cycle \(cycleID).") }
        guard CyclePhases.isScoringOpen(cycle.phase) else {
            throw Problem.conflict("A cycle is scored in manager review or calibration; this one is in \(cycle.phase.rawValue).")
        }
        guard let template = try await library.template(cycle.templateID, version: cycle.templateVersion, on: connection) else {
            throw Problem.internal()
        }
        let subjects = try await appraisals.scoringSubjects(of: cycleID, on: connection)
        try await Audit.identify(actor: principal.subject, action: "score_cycle", on: connection)
        try await Audit.suspendRowAudit(on: connection)
        // In chunks, all in this one transaction: memory stays that of a few chunks whatever the
        // cycle's size. A chunk is computed off the connection's task while the one before it is
        // written and the reviews of the one after it are read, so the database and the scoring
        // each keep a core busy.
        var scored = 0
        var unscored: [String] = []
        var computing: Task<ScoredChunk, any Error>?
        func write(_ chunk: ScoredChunk) async throws {
            try await appraisals.writeScores(chunk.scores, on: connection)
            scored += chunk.scores.appraisalIDs.count
            unscored += chunk.unscored
        }
        for start in stride(from: 0, to: subjects.count, by: Self.bulkChunk) {
            let chunk = Array(subjects[start..<min(start + Self.bulkChunk, subjects.count)])
            let reviews = try await appraisals.submittedReviews(of: chunk.map(\.appraisalID), on: connection)
            let next = Task.detached { try Self.score(chunk, reviews: SubmittedReviewRow.byAppraisal(reviews), template: template) }
            if let computing { try await write(try await computing.value) }
            computing = next
        }
        if let computing { try await write(try await computing.value) }
        try await AuditTrail(schema: schema).record(
            table: "cycles", recordID: cycleID, action: "score_cycle", before: nil,
            after: #"{"scored": \#(scored), "unscored": \#(unscored.count)}"#, actor: principal.subject, on: connection)
        AppraisalMetrics.scored(scored)
        return ScoringSummary(cycleID: cycleID, scored: scored, unscored: Array(unscored.prefix(100)), unscoredCount: unscored.count)
    }

    /// Scores of one chunk of a cycle's appraisals, ready to write, and those with nothing to score yet.
    struct ScoredChunk: Sendable {
        var scores = ScoreColumns()
        var unscored: [String] = []
    }

    /// Scores a chunk of subjects from their submitted reviews by the cycle's template.
    static func score(
        _ subjects: [ScoringSubject], reviews reviewsByAppraisal: [String: [SubmittedReview]], template: TemplateRecord
    ) -> ScoredChunk {
        var chunk = ScoredChunk()
        for subject in subjects {
            do {
                let explanation = try ScoreCalculator.explain(
                    attainmentPercent: subject.attainmentPercent, attainmentEventID: subject.attainmentEventID,
                    reviews: reviewsByAppraisal[subject.appraisalID] ?? [], terms: template.terms, templateID: template.templateID,
                    templateVersion: template.version)
                chunk.scores.append(subject.appraisalID, explanation)
            } catch {
                chunk.unscored.append(subject.appraisalID)  // an AppraisalRuleViolation: nothing to score yet
            }
        }
        return chunk
    }

    /// Release: every active appraisal of the cycle becomes version 1 and is announced
    /// (``AppraisalFinalized``: ratings and scores, no free text). Runs inside ``advance(_:to:by:on:)``.
    /// - Throws: 409 while an appraisal has no score or a calibration session is still open.
    func releaseResults(of cycle: CycleRecord, by actor: String, on connection: PostgresConnection) async throws {
        let unscored = try await appraisals.unscoredCount(of: cycle.cycleID, on: connection)
        guard unscored == 0 else {
            throw Problem.conflict("\(unscored) appraisals of the cycle have no score; score the cycle first.")
        }
        let openSessions = try await connection.query("""
            SELECT count(*)::integer AS n FROM \(unescaped: schema).calibration_sessions WHERE cycle_id = \(cycle.cycleID) AND status = 'open'
            """)
        let open: Int = try openSessions.first?.decode("n") ?? 0
        guard open == 0 else { throw Problem.conflict("\(open) calibration sessions of the cycle are still open; lock them first.") }
        guard let template = try await library.template(cycle.templateID, version: cycle.templateVersion, on: connection) else {
            throw Problem.internal()
        }
        try await Audit.suspendRowAudit(on: connection)
        let ids = try await appraisals.activeAppraisalIDs(of: cycle.cycleID, on: connection)
        var releasedCount = 0
        // Each chunk's events are encoded off the connection's task while the next chunk is released.
        var encoding: Task<[EncodedEvent], any Error>?
        for start in stride(from: 0, to: ids.count, by: Self.bulkChunk) {
            let released = try await appraisals.release(
                Array(ids[start..<min(start + Self.bulkChunk, ids.count)]), of: cycle.cycleID, by: actor, on: connection)
            let next = Task.detached { [self] in
                try released.map { try outbox.encode(finalized($0, cycleID: cycle.cycleID, terms: template.terms, actor: actor)) }
            }
            if let encoding { try await outbox.enqueue(try await encoding.value, on: connection) }
            encoding = next
            releasedCount += released.count
        }
        if let encoding { try await outbox.enqueue(try await encoding.value, on: connection) }
        try await AuditTrail(schema: schema).record(
            table: "cycles", recordID: cycle.cycleID, action: "release", before: nil, after: #"{"released": \#(releasedCount)}"#,
            actor: actor, on: connection)
        AppraisalMetrics.finalized(releasedCount)
    }

    /// Closes the cycle: announces it with its counts (``CycleClosed``).
    func closeCycle(_ cycle: CycleRecord, by actor: String, on connection: PostgresConnection) async throws {
        let rows = try await connection.query("""
            SELECT count(*) FILTER (WHERE a.status = 'active')::integer AS participants,
                   count(*) FILTER (WHERE a.version > 0)::integer AS finalized,
                   count(*) FILTER (WHERE a.acknowledged_version IS NOT NULL)::integer AS acknowledged,
                   (SELECT count(DISTINCT d.appraisal_id)::integer FROM \(unescaped: schema).disputes d
                    JOIN \(unescaped: schema).appraisals x ON x.appraisal_id = d.appraisal_id WHERE x.cycle_id = \(cycle.cycleID)) AS disputed
            FROM \(unescaped: schema).appraisals a WHERE a.cycle_id = \(cycle.cycleID)
            """)
        guard let row = rows.first else { throw Problem.internal() }
        try await outbox.enqueue(
            CycleClosed(
                cycleID: cycle.cycleID, orgUnitID: cycle.orgUnitID, actorID: actor, closedOn: today,
                participantCount: try row.decode("participants"), finalizedCount: try row.decode("finalized"),
                acknowledgedCount: try row.decode("acknowledged"), disputedCount: try row.decode("disputed")),
            on: connection)
    }

    /// The announcement of an appraisal version.
    func finalized(_ appraisal: FinalizedAppraisal, cycleID: String, terms: TemplateTerms, actor: String) -> AppraisalFinalized {
        AppraisalFinalized(
            appraisalID: appraisal.appraisalID, cycleID: cycleID, employeeID: appraisal.employeeID,
            managerID: appraisal.managerID ?? "", periodID: appraisal.periodID, actorID: actor, version: appraisal.version,
            goalScore: appraisal.goalScore ?? 0, competencyScore: appraisal.competencyScore ?? 0,
            goalWeightPercent: terms.goalWeightPercent, competencyWeightPercent: terms.competencyWeightPercent,
            finalScore: appraisal.finalScore, rating: terms.scale.rating(appraisal.ratingLevel), potential: appraisal.potential,
            nineBox: NineBox.cell(
                ratingLevel: appraisal.ratingLevel, meetsExpectationsLevel: terms.meetsExpectationsLevel, potential: appraisal.potential),
            calibrated: appraisal.calibrated)
    }
}
