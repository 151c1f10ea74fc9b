import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var calibration: CalibrationStore { CalibrationStore(schema: schema) }

    /// Opens a calibration session over a population of a cycle (HR), against a distribution
    /// guideline, with the managers who calibrate it. Publishes its starting distribution.
    /// - Throws: 403 for anyone but HR; 404 for no such cycle; 409 before manager review or
    ///   after calibration; 400 naming the field.
    func openSession(
        in cycleID: String, _ body: NewCalibrationSession, by principal: Principal, on connection: PostgresConnection
    ) async throws -> CalibrationSessionRecord {
        try principal.require(anyOf: [.hr, .admin])
        guard let cycle = try await cycles.cycle(cycleID, forUpdate: true, on: connection) else { throw Problem.notFound("No cycle \(cycleID).") }
        guard CyclePhases.isScoringOpen(cycle.phase) else {
            throw Problem.conflict("Calibration sessions open in manager review or calibration; the cycle is in \(cycle.phase.rawValue).")
        }
        guard let template = try await library.template(cycle.templateID, version: cycle.templateVersion, on: connection) else {
            throw Problem.internal()
        }
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(body.name, field: "name", name: "name", maxLength: 200, into: &violations)
        FieldChecks.identifiers(body.departments, field: "departments", name: "departments", maxCount: 200, into: &violations)
        FieldChecks.identifiers(body.jobLevels, field: "job_levels", name: "job levels", maxCount: 200, into: &violations)
        FieldChecks.identifiers(body.participants, field: "participants", name: "participants", maxCount: 200, into: &violations)
        violations += DistributionGuideline.violations(of: body.guideline, scale: template.terms.scale).map {
            AppraisalRuleViolation($0.kind, field: "guideline." + ($0.field ?? "body"), $0.message)
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "open_calibration", on: connection)
        let session = try await calibration.insert(newID(), cycleID: cycleID, body, by: principal.subject, on: connection)
        try await publishDistribution(of: session, terms: template.terms, actor: principal.subject, on: connection)
        return session
    }

    /// A session, for HR and its participants. - Throws: 404 to anyone else.
    func session(_ sessionID: String, for principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> CalibrationSessionRecord {
        guard let session = try await calibration.session(sessionID, forUpdate: forUpdate, on: connection),
            principal.isHR || session.participants.contains(principal.subject)
        else { throw Problem.notFound("No calibration session \(sessionID).") }
        return session
    }

    /// The session's live distribution against its guideline.
    func distribution(of sessionID: String, for principal: Principal, on connection: PostgresConnection) async throws -> DistributionView {
        let session = try await session(sessionID, for: principal, on: connection)
        let terms = try await terms(ofCycle: session.cycleID, on: connection)
        let (counts, unrated) = try await calibration.levelCounts(of: session, on: connection)
        return DistributionView(
            sessionID: sessionID, populationCount: counts.values.reduce(0, +) + unrated, unratedCount: unrated,
            cells: session.guideline.assess(counts: counts, scale: terms.scale))
    }

    /// The session's nine-box: performance (from the rating) × potential, with who sits where.
    func nineBox(of sessionID: String, for principal: Principal, on connection: PostgresConnection) async throws -> NineBoxView {
        let session = try await session(sessionID, for: principal, on: connection)
        let terms = try await terms(ofCycle: session.cycleID, on: connection)
        let rows = try await calibration.placements(of: session, on: connection)
        var placements: [NineBoxPlacement] = []
        var unplaced = 0
        for row in rows {
            guard let level = row.level else {
                unplaced += 1
                continue
            }
            placements.append(
                NineBoxPlacement(
                    employeeID: row.employeeID,
                    cell: NineBox.cell(ratingLevel: level, meetsExpectationsLevel: terms.meetsExpectationsLevel, potential: row.potential ?? .moderate)))
        }
        return NineBoxView(sessionID: sessionID, cells: NineBox.grid(placements), unplaced: unplaced)
    }

    /// Changes (or confirms) one appraisal's rating and potential in calibration, with a written
    /// reason: audited (before, after, who, why), announced (``AppraisalCalibrated``) and followed
    /// by the population's new distribution.
    /// - Throws: 404 unless the caller is HR or a participant and the appraisal is in the
    ///   session's population; 403 for one's own appraisal; 409 when the session is locked or
    ///   the cycle is not in calibration, or the appraisal has no score yet; 400 naming the field.
    func adjust(
        in sessionID: String, _ body: AdjustmentBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> AppraisalView {
        let session = try await session(sessionID, for: principal, forUpdate: true, on: connection)
        guard let appraisal = try await appraisals.appraisal(body.appraisalID, forUpdate: true, on: connection),
            appraisal.cycleID == session.cycleID, appraisal.status == "active",
            session.departments.isEmpty || session.departments.contains(appraisal.department),
            session.jobLevels.isEmpty || session.jobLevels.contains(appraisal.jobLevel)
        else { throw Problem.notFound("No appraisal \(body.appraisalID) in this session's population.") }
        guard !principal.isSelf(appraisal.employeeID) else {
            throw Problem.forbidden("Nobody calibrates their own appraisal: another participant or HR does.")
        }
        guard session.isOpen else { throw Problem.conflict("The session is locked.") }
        guard CyclePhases.canCalibrate(in: appraisal.phase) else {
            throw Problem.conflict("Ratings are calibrated in the calibration phase; the cycle is in \(appraisal.phase.rawValue).")
        }
        guard let previous = appraisal.ratingLevel else { throw Problem.conflict("The appraisal has no score yet; score the cycle first.") }
        let terms = try await terms(ofCycle: session.cycleID, on: connection)
        var violations: [AppraisalRuleViolation] = []
        if !terms.scale.contains(body.ratingLevel) {
            violations.append(AppraisalRuleViolation(.invalid, field: "rating_level", "A level is from 1 to \(terms.scale.maximum)."))
        }
        FieldChecks.requiredText(body.reason, field: "reason", name: "reason", maxLength: 2_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let potential = body.potential ?? appraisal.potential ?? .moderate
        try await Audit.identify(actor: principal.subject, action: "calibrate", on: connection)
        try await calibration.adjust(
            newID(), session: session, appraisal: appraisal, level: body.ratingLevel, potential: potential, reason: body.reason,
            by: principal.subject, on: connection)
        try await outbox.enqueue(
            AppraisalCalibrated(
                appraisalID: appraisal.appraisalID, cycleID: appraisal.cycleID, employeeID: appraisal.employeeID,
                calibrationSessionID: sessionID, actorID: principal.subject, version: max(1, appraisal.version),
                previousRating: terms.scale.rating(previous), rating: terms.scale.rating(body.ratingLevel), potential: potential,
                nineBox: NineBox.cell(ratingLevel: body.ratingLevel, meetsExpectationsLevel: terms.meetsExpectationsLevel, potential: potential),
                reason: body.reason),
            on: connection)
        try await publishDistribution(of: session, terms: terms, actor: principal.subject, on: connection)
        var updated = appraisal
        updated.ratingLevel = body.ratingLevel
        updated.potential = potential
        updated.calibrated = true
        return updated
    }

    /// The session's adjustments, oldest first: its audit trail.
    func adjustments(of sessionID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection) async throws -> Page<AdjustmentRecord> {
        _ = try await session(sessionID, for: principal, on: connection)
        let rows = try await calibration.adjustments(
            of: sessionID, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.adjustmentID)
    }

    /// Locks a session when it is done (HR); publishes its final distribution.
    /// - Throws: 403 for anyone but HR; 404 for no such session; 409 when already locked.
    func lockSession(_ sessionID: String, by principal: Principal, on connection: PostgresConnection) async throws -> CalibrationSessionRecord {
        try principal.require(anyOf: [.hr, .admin])
        var session = try await session(sessionID, for: principal, forUpdate: true, on: connection)
        guard session.isOpen else { throw Problem.conflict("The session is already locked.") }
        try await Audit.identify(actor: principal.subject, action: "lock_calibration", on: connection)
        try await calibration.lock(sessionID, by: principal.subject, on: connection)
        session.status = "locked"
        session.lockedBy = principal.subject
        session.lockedAt = now
        try await publishDistribution(of: session, terms: try await terms(ofCycle: session.cycleID, on: connection), actor: principal.subject, on: connection)
        return session
    }

    /// Announces the session population's current distribution (``CalibrationDistributionChanged``).
    func publishDistribution(
        of session: CalibrationSessionRecord, terms: TemplateTerms, actor: String, on connection: PostgresConnection
    ) async throws {
        let (counts, unrated) = try await calibration.levelCounts(of: session, on: connection)
        let cells = session.guideline.assess(counts: counts, scale: terms.scale)
        try await outbox.enqueue(
            CalibrationDistributionChanged(
                calibrationSessionID: session.sessionID, cycleID: session.cycleID, departments: session.departments,
                jobLevels: session.jobLevels, populationCount: counts.values.reduce(0, +) + unrated, unratedCount: unrated,
                shares: cells.map {
                    RatingShare(level: $0.level, count: $0.count, actualPercent: $0.actualPercent, targetPercent: $0.targetPercent, status: $0.status.rawValue)
                },
                locked: !session.isOpen, actorID: actor),
            on: connection)
    }

    /// The terms of the template version a cycle pinned.
    func terms(ofCycle cycleID: String, on connection: PostgresConnection) async throws -> TemplateTerms {
        guard let cycle = try await cycles.cycle(cycleID, on: connection),
            let template = try await library.template(cycle.templateID, version: cycle.templateVersion, on: connection)
        else { throw Problem.notFound("No cycle \(cycleID).") }
        return template.terms
    }
}
