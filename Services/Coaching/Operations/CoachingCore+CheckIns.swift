import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var checkInStore: CheckInStore { CheckInStore(schema: schema) }

    // MARK: - Cadence

    /// Sets the check-in cadence of `employeeID` and their manager, creating the pair on first use
    /// (the manager is the employee's current manager in the org directory), and recomputes the
    /// next due date from the last check-in or the pair's start.
    ///
    /// Either side of the pair may set it: the employee or their direct manager; HR too.
    /// - Parameter requested: the cadence asked for, read once the caller may set it (so a
    ///   stranger learns nothing from body validation).
    /// - Throws: 404 when the caller may not see the employee or the directory does not know them;
    ///   403 when they may see but are not one of those; 422 when the employee has no manager.
    func setCadence(
        of employeeID: String, by principal: Principal, on connection: PostgresConnection,
        to requested: () throws -> CheckInCadence
    ) async throws -> CheckInCadenceView {
        let relation = try await access.org.relation(of: principal, to: employeeID, on: connection)
        guard relation == .own || relation == .directManager || principal.isHR else {
            try await access.requireVisible(employeeID, to: principal, on: connection)
            throw Problem.forbidden("Only \(employeeID), their manager or HR may set their check-in cadence.")
        }
        let cadence = try requested()
        let managerID = try await currentManager(of: employeeID, on: connection)
        try await Audit.identify(actor: principal.subject, action: "check-in.cadence", on: connection)
        let fresh = CheckInPair(
            employeeID: employeeID, managerID: managerID, cadence: cadence, startedOn: today, lastCheckInOn: nil,
            nextDueOn: today
        ).rescheduled(with: settings.schedule) { _ in }
        var pair = fresh
        if try await !cadences.insert(fresh, by: principal.subject, on: connection) {
            guard let existing = try await cadences.pair(of: employeeID, lock: true, on: connection) else {
                throw Problem.conflict("The cadence of \(employeeID) changed meanwhile; retry.")
            }
            pair = existing.rescheduled(with: settings.schedule) { pair in
                pair.cadence = cadence
                if pair.managerID != managerID {
                    // A new manager: a new pair, whose schedule starts today.
                    pair.managerID = managerID
                    pair.startedOn = today
                }
            }
            try await cadences.update(pair, by: principal.subject, on: connection)
        }
        CoachingMetrics.recorded("check_in_cadence")
        return CheckInCadenceView(pair: pair, standing: settings.schedule(pair.cadence).standing(anchor: pair.anchor, on: today))
    }

    /// The cadence of `employeeID`'s pair and where it stands today; without a pair, the
    /// configured default (`source: default`), due as if the pair began today.
    /// - Throws: 404 unless the caller is the employee, in their reporting line, or HR.
    func cadence(of employeeID: String, for principal: Principal, on connection: PostgresConnection) async throws -> CheckInCadenceView {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        if let pair = try await cadences.pair(of: employeeID, on: connection) {
            return CheckInCadenceView(pair: pair, standing: settings.schedule(pair.cadence).standing(anchor: pair.anchor, on: today))
        }
        let schedule = settings.schedule(settings.defaultCadence)
        return CheckInCadenceView(
            employeeID: employeeID, managerID: try await directory.employee(employeeID, on: connection)?.managerID,
            cadence: settings.defaultCadence, source: .default, startedOn: nil, lastCheckInOn: nil,
            nextDueOn: schedule.dueOn(after: today), standing: schedule.standing(anchor: today, on: today))
    }

    // MARK: - Check-ins

    /// Records the employee's own check-in: validates it (the domain's rules, then that every goal
    /// is one coaching knows and the employee owns), moves the pair on (created with the default
    /// cadence if missing) and emits `CheckInRecorded`.
    /// - Parameter submitted: the check-in, read once the caller may record it.
    /// - Throws: 404 when the caller may not see the employee; 403 for anyone but the employee;
    ///   400 naming the field; 422 when the employee has no manager to check in with.
    func recordCheckIn(
        of employeeID: String, by principal: Principal, on connection: PostgresConnection,
        _ submitted: () throws -> CheckInSubmission
    ) async throws -> CheckIn {
        guard principal.isSelf(employeeID) else {
            try await access.requireVisible(employeeID, to: principal, on: connection)
            throw Problem.forbidden("A check-in is the employee's own: only \(employeeID) may record it.")
        }
        let submission = try submitted()
        let violations = CheckInRules.violations(of: submission, today: today)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        // Everything the check-in needs to know, in one round trip: the employee's manager, their
        // pair (locked), and who owns the goals it names.
        var reads = [directory.employeeQuery(employeeID), cadences.pairQuery(of: employeeID, lock: true)]
        if !submission.goalIDs.isEmpty { reads.append(checkInStore.goalOwnersQuery(submission.goalIDs)) }
        let answers = try await connection.query(reads)
        try requireOwnGoals(
            submission.goalIDs, of: employeeID, owners: answers.count > 2 ? try CheckInStore.goalOwners(from: answers[2]) : [:])
        let managerID = try manager(of: employeeID, in: try OrgDirectory.employee(from: answers[0]))
        try await Audit.identify(actor: principal.subject, action: "check-in.record", on: connection)

        let existing = try CadenceStore.pair(from: answers[1])
        let before: CheckInPair
        if let existing, existing.managerID == managerID {
            before = existing
        } else {
            // The first check-in of a pair (or the first with a new manager) starts the pair.
            before = CheckInPair(
                employeeID: employeeID, managerID: managerID, cadence: existing?.cadence ?? settings.defaultCadence,
                startedOn: submission.heldOn, lastCheckInOn: existing?.lastCheckInOn, nextDueOn: submission.heldOn)
        }
        let schedule = settings.schedule(before.cadence)
        let after = before.rescheduled(with: settings.schedule) { pair in
            pair.lastCheckInOn = max(pair.lastCheckInOn ?? submission.heldOn, submission.heldOn)
        }
        let (checkIn, nextDue) = try await checkInStore.record(
            .init(
                checkInID: newID(), submission: submission,
                onCadence: schedule.isOnCadence(heldOn: submission.heldOn, anchor: before.anchor), pair: after,
                actorID: principal.subject),
            on: connection)
        try await outbox.enqueue([
            try outbox.encode(CheckInRecorded(
                checkInID: checkIn.checkInID, employeeID: employeeID, managerID: checkIn.managerID ?? managerID,
                actorID: principal.subject, heldOn: checkIn.heldOn, cadence: checkIn.cadence, goalIDs: checkIn.goalIDs,
                blockerCount: checkIn.blockers.count, nextCheckInOn: nextDue))
        ], on: connection)
        CoachingMetrics.recorded("check_in")
        return checkIn
    }

    /// The manager's reply to a check-in: once, by the employee's direct manager.
    ///
    /// Only the direct manager (the employee's manager in the org directory now) replies: the
    /// check-in is a conversation of the pair; the rest of the reporting line and HR read it.
    /// - Throws: 404 when there is no such check-in the caller may see; 403 for anyone but the
    ///   direct manager; 400 for an empty or long reply; 409 when it already has a reply.
    func reply(
        to checkInID: String, by principal: Principal, on connection: PostgresConnection, _ reply: () throws -> String
    ) async throws -> CheckIn {
        guard let checkIn = try await checkInStore.checkIn(checkInID, lock: true, on: connection),
            try await access.org.canSee(checkIn.employeeID, principal: principal, on: connection)
        else { throw Problem.notFound("No check-in \(checkInID) is visible to you.") }
        guard try await directory.employee(checkIn.employeeID, on: connection)?.managerID == principal.subject else {
            throw Problem.forbidden("Only \(checkIn.employeeID)'s direct manager may reply to their check-in.")
        }
        let text = try reply()
        let violations = CheckInRules.replyViolations(text)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard checkIn.reply == nil else { throw Problem.conflict("Check-in \(checkInID) already has its reply.") }
        try await Audit.identify(actor: principal.subject, action: "check-in.reply", on: connection)
        guard let replied = try await checkInStore.reply(to: checkInID, text, by: principal.subject, on: connection) else {
            throw Problem.conflict("Check-in \(checkInID) already has its reply.")
        }
        CoachingMetrics.recorded("check_in_reply")
        return replied
    }

    /// One page of an employee's check-ins, newest first.
    /// - Throws: 404 unless the caller is the employee, in their reporting line, or HR.
    func checkIns(
        of employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<CheckIn> {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        let rows = try await checkInStore.checkIns(
            of: employeeID, after: try page.cursorKey(as: CheckInStore.PageKey.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: CheckInStore.PageKey.init)
    }

    /// One page of the check-ins due or overdue today among `managerID`'s reports (their pairs),
    /// longest overdue first: one range query over `check_in_cadences (manager_id, next_due_on)`.
    ///
    /// The domain's cutoffs on the anchor (`anchor <= dueCutoff`, `anchor < overdueCutoff`) are,
    /// on the stored due date `anchor + interval_days`, `next_due_on <= today` and
    /// `next_due_on < today - grace_days`, the same for every cadence, so one range serves all.
    /// - Parameter overdueOnly: list only the overdue ones.
    /// - Throws: 404 unless the caller is the manager, above them, or HR.
    func dueCheckIns(
        managedBy managerID: String, overdueOnly: Bool, page: PageRequest, for principal: Principal,
        on connection: PostgresConnection
    ) async throws -> Page<DueCheckIn> {
        try await access.requireVisible(managerID, to: principal, on: connection)
        // Any cadence gives the same two days: the due date of an anchor on each cutoff.
        let schedule = settings.schedule(settings.defaultCadence)
        let dueBy = schedule.dueOn(after: schedule.dueCutoff(on: today))
        let overdueBefore = schedule.dueOn(after: schedule.overdueCutoff(on: today))
        let pairs = try await cadences.due(
            managedBy: managerID, dueBy: dueBy, overdueBefore: overdueOnly ? overdueBefore : nil,
            after: try page.cursorKey(as: CadenceStore.DueKey.self), limit: page.fetchLimit, on: connection)
        let rows = pairs.map { pair in
            DueCheckIn(pair: pair, standing: settings.schedule(pair.cadence).standing(anchor: pair.anchor, on: today))
        }
        return try Page(rows: rows, request: page) { CadenceStore.DueKey(nextDueOn: $0.nextDueOn, employeeID: $0.employeeID) }
    }

    // MARK: - Helpers

    /// The employee's manager in the org directory.
    /// - Throws: 404 when the directory does not know the employee; 422 when they have no manager.
    private func currentManager(of employeeID: String, on connection: PostgresConnection) async throws -> String {
        try manager(of: employeeID, in: try await directory.employee(employeeID, on: connection))
    }

    /// The manager of `employee`, as the org directory knows them.
    /// - Throws: 404 when the directory does not know the employee; 422 when they have no manager.
    private func manager(of employeeID: String, in employee: OrgEmployee?) throws -> String {
        guard let employee else {
            throw Problem.notFound("No employee \(employeeID) is visible to you.")
        }
        guard let managerID = employee.managerID else {
            throw CoachingRuleViolation(
                .unprocessable, field: "employee_id", "\(employeeID) has no manager in the org directory to check in with.")
        }
        return managerID
    }

    /// - Throws: 400 naming `goal_ids[i]` for each goal coaching does not know or the employee does not own.
    private func requireOwnGoals(_ goalIDs: [String], of employeeID: String, owners: [String: String?]) throws {
        let problems = goalIDs.enumerated().compactMap { index, goalID -> CoachingRuleViolation? in
            switch owners[goalID] {
            case .none:
                CoachingRuleViolation(.invalid, field: "goal_ids[\(index)]", "Coaching knows no goal \(goalID).")
            case .some(let owner) where owner != employeeID:
                CoachingRuleViolation(.invalid, field: "goal_ids[\(index)]", "Goal \(goalID) is not one of \(employeeID)'s goals.")
            default:
                nil
            }
        }
        guard problems.isEmpty else { throw Problem.rules(problems) }
    }
}
