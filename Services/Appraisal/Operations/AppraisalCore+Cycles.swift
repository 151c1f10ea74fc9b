import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var cycles: CycleStore { CycleStore(schema: schema) }

    /// Opens a review cycle (HR): pins the template version, makes one appraisal per employee the
    /// population rule includes and requests every opening review (self, manager, upward) — all
    /// set-based, in this one transaction, whatever the population's size — and announces the
    /// cycle (``CycleOpened``) and each request (``ReviewRequested``). Row-level audit is replaced
    /// by one summary entry, as for every bulk write.
    /// - Throws: 403 for anyone but HR; 400 naming the field (name, period, population,
    ///   schedule, dispute window); 422 when the template (version) does not exist or the
    ///   population is empty.
    func openCycle(_ body: NewCycle, by principal: Principal, on connection: PostgresConnection) async throws -> CycleRecord {
        try principal.require(anyOf: [.hr, .admin])
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(body.name, field: "name", name: "name", maxLength: 200, into: &violations)
        FieldChecks.requiredText(body.periodID, field: "period_id", name: "goal period", maxLength: 200, into: &violations)
        FieldChecks.requiredText(body.templateID, field: "template_id", name: "template", maxLength: 64, into: &violations)
        violations += PopulationRule.violations(of: body.population)
        violations += CyclePhases.violations(of: body.schedule, field: "schedule")
        let window = body.disputeWindowDays ?? settings.disputeWindowDays
        if !(1...180).contains(window) {
            violations.append(AppraisalRuleViolation(.invalid, field: "dispute_window_days", "The dispute window is 1 to 180 days."))
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard let template = try await library.template(body.templateID, version: body.templateVersion, on: connection) else {
            throw Problem.unprocessable(
                "No template \(body.templateID)\(body.templateVersion.map { " version \($0)" } ?? "").",
                errors: [FieldError(field: body.templateVersion == nil ? "template_id" : "template_version", message: "No such template.")])
        }
        let cycleID = newID()
        let orgUnitID = body.population.departments.count == 1 ? body.population.departments[0] : "all"
        try await Audit.identify(actor: principal.subject, action: "open_cycle", on: connection)
        try await Audit.suspendRowAudit(on: connection)
        // The requests' statement keeps its 300,000 new rows (per 100,000 people) for their
        // events: in memory rather than a temporary file, for this transaction only.
        try await connection.execute("SET LOCAL work_mem = '128MB'")
        try await cycles.insert(
            cycleID, body, orgUnitID: orgUnitID, template: template, disputeWindowDays: window, by: principal.subject, on: connection)
        let participants = try await cycles.addParticipants(of: cycleID, body.population, on: connection)
        guard participants > 0 else {
            throw Problem.unprocessable(
                "Nobody active matches the population; nothing to appraise.", errors: [FieldError(field: "population", message: "Empty.")])
        }
        guard let cycle = try await cycles.cycle(cycleID, on: connection) else { throw Problem.internal() }
        let schedule = cycle.schedule
        try await outbox.enqueue(
            [try outbox.encode(
                CycleOpened(
                    cycleID: cycleID, name: cycle.name, orgUnitID: orgUnitID, periodID: cycle.periodID, templateID: template.templateID,
                    templateVersion: template.version, startsOn: schedule.map(\.startsOn).min() ?? today,
                    endsOn: schedule.map(\.endsOn).max() ?? today, phases: schedule, goalWeightPercent: template.terms.goalWeightPercent,
                    competencyWeightPercent: template.terms.competencyWeightPercent,
                    minimumAnonymousRaters: template.terms.minimumAnonymousRaters, participantCount: participants,
                    actorID: principal.subject))], on: connection)
        // One statement makes every request and its event (set-based, built in SQL), whatever
        // the population's size.
        let requestCount = try await cycles.requestOpeningReviews(
            of: cycleID, groups: weighedGroups(template.terms), dueOn: Self.dueDates(of: cycle), by: principal.subject,
            source: outbox.source, time: Date(), on: connection)
        try await connection.execute("SELECT pg_notify(\(outbox.channel), '')")
        try await AuditTrail(schema: schema).record(
            table: "cycles", recordID: cycleID, action: "open_cycle", before: nil,
            after: #"{"participants": \#(participants), "review_requests": \#(requestCount), "template_version": \#(template.version)}"#,
            actor: principal.subject, on: connection)
        AppraisalMetrics.cycleOpened(participants: participants, reviews: requestCount)
        return cycle
    }

    /// Moves a cycle to its next phase (HR). Entering `feedback` releases the results
    /// (``releaseResults(of:by:on:)``); entering `closed` closes the cycle (``CycleClosed``).
    /// - Throws: 403 for anyone but HR; 404 for no such cycle; 409 when `phase` is not the next
    ///   one, or when results cannot be released yet (unscored appraisals, open calibration).
    func advance(_ cycleID: String, to phase: CyclePhase, by principal: Principal, on connection: PostgresConnection) async throws -> CycleRecord {
        try principal.require(anyOf: [.hr, .admin])
        guard let cycle = try await cycles.cycle(cycleID, forUpdate: true, on: connection) else {
            throw Problem.notFound("No cycle \(cycleID).")
        }
        do {
            try CyclePhases.advance(from: cycle.phase, to: phase)
        } catch let violation as AppraisalRuleViolation {
            throw Problem.rule(violation)
        }
        try await Audit.identify(actor: principal.subject, action: "advance_cycle", on: connection)
        switch phase {
        case .feedback: try await releaseResults(of: cycle, by: principal.subject, on: connection)
        case .closed: try await closeCycle(cycle, by: principal.subject, on: connection)
        default: break
        }
        return try await cycles.setPhase(cycleID, to: phase, today: today, on: connection)
    }

    /// One cycle, for HR and for anyone with an appraisal or a review in it.
    /// - Throws: 404 to anyone else.
    func cycle(_ cycleID: String, for principal: Principal, on connection: PostgresConnection) async throws -> CycleRecord {
        guard let cycle = try await cycles.cycle(cycleID, on: connection) else { throw Problem.notFound("No cycle \(cycleID).") }
        if principal.isHR || principal.isService { return cycle }
        guard try await takesPart(principal.subject, in: cycleID, on: connection) else { throw Problem.notFound("No cycle \(cycleID).") }
        return cycle
    }

    /// The rater groups a template gives weight: the only ones whose reviews are requested.
    func weighedGroups(_ terms: TemplateTerms) -> Set<RaterGroup> {
        Set(RaterGroup.allCases.filter { terms.weight(of: $0) > 0 })
    }

    /// Each rater group's deadline: the end of the phase its reviews are written in.
    static func dueDates(of cycle: CycleRecord) -> [RaterGroup: CalendarDate] {
        [
            .selfReview: cycle.deadline(of: .selfReview), .manager: cycle.deadline(of: .managerReview),
            .peer: cycle.deadline(of: .peerReviews), .directReport: cycle.deadline(of: .peerReviews),
            .external: cycle.deadline(of: .peerReviews),
        ]
    }

    /// The announcement of a review request. External raters have no employee id: `external`.
    func reviewRequested(_ request: RequestedReview, cycleID: String, actor: String) -> ReviewRequested {
        ReviewRequested(
            reviewID: request.reviewID, cycleID: cycleID, employeeID: request.employeeID,
            reviewerID: request.group == .external ? "external" : request.reviewerID, raterGroup: request.group,
            dueDate: request.dueOn, actorID: actor)
    }

    private func takesPart(_ employeeID: String, in cycleID: String, on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query("""
            SELECT EXISTS (SELECT 1 FROM \(unescaped: schema).appraisals WHERE cycle_id = \(cycleID) AND employee_id = \(employeeID))
                OR EXISTS (SELECT 1 FROM \(unescaped: schema).reviews WHERE cycle_id = \(cycleID) AND reviewer_id = \(employeeID)) AS part
            """)
        return try rows.first?.decode("part", as: Bool.self) ?? false
    }
}
