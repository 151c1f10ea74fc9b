import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var evidenceStore: EvidenceStore { EvidenceStore(schema: schema) }

    /// Adds an entry to `employeeID`'s evidence journal, written by the employee or their
    /// reporting line (``RecordAccess/canWriteEvidence(_:)``); each goal it concerns must be a
    /// goal coaching knows as the employee's. Emits ``EvidenceLogged`` (summary: what happened;
    /// goal: the first listed).
    /// - Throws: 404 for an employee not in the org directory or whose records the caller may not
    ///   see (a peer); 403 for HR, who reads the journal but does not write it; 400 naming the
    ///   field (``EvidenceRules``, `goal_ids[i]` not a known goal of the employee).
    func logEvidence(
        about employeeID: String, _ body: NewEvidence, by principal: Principal, on connection: PostgresConnection
    ) async throws -> EvidenceRecord {
        guard try await directory.employee(employeeID, on: connection) != nil else {
            throw Problem.notFound("No employee \(employeeID) is visible to you.")
        }
        let relation = try await access.relation(of: principal, toRecordAbout: employeeID, on: connection)
        guard RecordAccess.canWriteEvidence(relation) else {
            guard RecordAccess.canSee(relation) else { throw Problem.notFound("No employee \(employeeID) is visible to you.") }
            throw Problem.forbidden("The evidence journal is written by the employee and their reporting line; HR reads it.")
        }
        let entry = body.entry
        let violations = EvidenceRules.violations(of: entry, today: today)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let owned = try await evidenceStore.goals(entry.goalIDs, ownedBy: employeeID, on: connection)
        let strangers = entry.goalIDs.enumerated().filter { !owned.contains($0.element) }.map {
            FieldError(field: "goal_ids[\($0.offset)]", message: "No goal \($0.element) of \(employeeID) is known to coaching.")
        }
        guard strangers.isEmpty else { throw Problem.validation(strangers) }
        try await Audit.identify(actor: principal.subject, action: "log_evidence", on: connection)
        let record = try await evidenceStore.insert(newID(), about: employeeID, by: principal.subject, entry, on: connection)
        try await outbox.enqueue(
            EvidenceLogged(
                evidenceID: record.evidenceID, employeeID: record.employeeID, actorID: record.authorID, kind: record.kind,
                occurredOn: record.occurredOn, summary: record.whatHappened, goalID: entry.primaryGoalID,
                competencyID: record.competencyID, linkURL: record.linkURL),
            on: connection)
        CoachingMetrics.recorded("evidence")
        return record
    }

    /// A page of `employeeID`'s evidence journal, newest first, only entries about `goalID` when
    /// given: for the employee, their reporting line and HR (``RecordAccess/canSee(_:)``).
    /// - Throws: 404 to anyone else.
    func evidence(
        of employeeID: String, goalID: String?, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<EvidenceRecord> {
        let relation = try await access.relation(of: principal, toRecordAbout: employeeID, on: connection)
        guard RecordAccess.canSee(relation) else { throw Problem.notFound("No employee \(employeeID) is visible to you.") }
        let rows = try await evidenceStore.journal(
            of: employeeID, goalID: goalID, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.evidenceID)
    }

    /// One journal entry, for its author, its employee, their reporting line and HR.
    /// - Throws: 404 to anyone else, as for an entry that does not exist.
    func evidenceEntry(_ evidenceID: String, for principal: Principal, on connection: PostgresConnection) async throws -> EvidenceRecord {
        guard let record = try await evidenceStore.entry(evidenceID, on: connection),
            RecordAccess.canSee(
                try await access.relation(of: principal, toRecordAbout: record.employeeID, authoredBy: record.authorID, on: connection))
        else {
            throw Problem.notFound("No evidence \(evidenceID).")
        }
        return record
    }
}
