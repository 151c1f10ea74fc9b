import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// A progress update: a KPI's new value, a milestone's done flag, or one key result's value;
/// with an optional comment and evidence link.
public struct ProgressUpdate: Sendable, Codable, Equatable {
    @OptionalDecimalString public var value: Decimal?
    public var done: Bool?
    public var keyResultID: String?
    public var comment: String?
    public var evidenceURL: String?

    public init(value: Decimal? = nil, done: Bool? = nil, keyResultID: String? = nil, comment: String? = nil, evidenceURL: String? = nil) {
        self.value = value
        self.done = done
        self.keyResultID = keyResultID
        self.comment = comment
        self.evidenceURL = evidenceURL
    }

    enum CodingKeys: String, CodingKey {
        case value
        case done
        case keyResultID = "key_result_id"
        case comment
        case evidenceURL = "evidence_url"
    }
}

extension GoalsCore {
    /// Records progress on an approved or active goal (the first update of an approved goal
    /// activates it), keeps its history, re-assesses its pace and emits the events.
    public func recordProgress(
        _ goalID: String, _ update: ProgressUpdate, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ProgressEntry {
        var (goal, period) = try await lockedGoal(goalID, for: principal, on: connection)
        try await access.requireWriter(ownerID: goal.ownerID, level: goal.definition.level, principal: principal, on: connection)
        try validate(update, for: goal)
        try await Audit.identify(actor: principal.subject, action: "progress", on: connection)
        return try await apply(update, to: &goal, actor: principal.subject, origin: .manual, period: period, on: connection)
    }

    /// Applies one update to a locked goal: new measurement, attainment, pace, history line and
    /// events (`GoalAtRisk` when it falls behind, `GoalBackOnTrack` when an at-risk goal catches
    /// up), all on `connection`'s transaction.
    func apply(
        _ update: ProgressUpdate, to goal: inout Goal, actor: String, origin: ProgressOrigin, period: GoalPeriod,
        recordedAt: Date = Date(), on connection: PostgresConnection
    ) async throws -> ProgressEntry {
        let before = goal
        var previousValue: Decimal?
        switch goal.definition.kind {
        case .kpi:
            previousValue = goal.currentValue
            goal.currentValue = update.value
        case .milestone:
            goal.milestoneDone = update.done ?? goal.milestoneDone
        case .objective:
            if let id = update.keyResultID, let value = update.value {
                previousValue = goal.keyResultValues[id]?.wrappedValue
                goal.keyResultValues[id] = DecimalString(wrappedValue: value)
            }
        }
        goal.progressPercent = Attainment.percent(of: goal.measurement, policy: settings.policy)
        if goal.status == .approved {
            goal.status = try enforcing { try GoalWorkflow.next(from: .approved, on: .activate) }
        }
        let pace = Pace.assess(
            actualPercent: goal.progressPercent, startsOn: period.startsOn, endsOn: goal.definition.dueDate ?? period.endsOn,
            on: today, marginPoints: settings.atRiskMarginPoints)
        goal.atRisk = pace.isAtRisk
        goal.version += 1
        goal.updatedAt = recordedAt
        try await goals.updateMeasurement(goal, on: connection)

        let entry = ProgressEntry(
            progressID: GoalsIdentifier.make(now: recordedAt), goalID: goal.goalID, actorID: actor, origin: origin,
            keyResultID: goal.definition.kind == .objective ? update.keyResultID : nil,
            previousValue: previousValue, currentValue: goal.definition.kind == .milestone ? nil : update.value,
            milestoneDone: goal.definition.kind == .milestone ? goal.milestoneDone : nil,
            previousProgressPercent: before.progressPercent, progressPercent: goal.progressPercent,
            comment: update.comment, evidenceURL: update.evidenceURL, recordedAt: recordedAt)
        try await progress.insert([entry], on: connection)

        var events: [EncodedEvent] = []
        if before.status != goal.status {
            events.append(try outbox.encode(GoalStatusChanged(
                goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: actor, version: goal.version,
                fromStatus: before.status, toStatus: goal.status, reason: "first progress recorded")))
        }
        events.append(try outbox.encode(GoalProgressRecorded(
            goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, progressID: entry.progressID, actorID: actor,
            origin: origin, kind: goal.definition.kind, keyResultID: entry.keyResultID, previousValue: previousValue,
            currentValue: entry.currentValue, milestoneDone: entry.milestoneDone,
            previousProgressPercent: before.progressPercent, progressPercent: goal.progressPercent,
            comment: update.comment, evidenceURL: update.evidenceURL)))
        if goal.atRisk && !before.atRisk {
            events.append(try outbox.encode(GoalAtRisk(
                goalID: goal.goalID, ownerID: goal.ownerID,
                managerID: try await directory.employee(goal.ownerID, on: connection)?.managerID,
                periodID: goal.periodID, title: goal.definition.title, assessedOn: today,
                expectedProgressPercent: pace.expectedPercent, actualProgressPercent: pace.actualPercent,
                deviationPoints: pace.deviationPoints)))
        } else if before.atRisk && !goal.atRisk {
            events.append(try outbox.encode(GoalBackOnTrack(
                goalID: goal.goalID, ownerID: goal.ownerID,
                managerID: try await directory.employee(goal.ownerID, on: connection)?.managerID,
                periodID: goal.periodID, assessedOn: today, expectedProgressPercent: pace.expectedPercent,
                actualProgressPercent: pace.actualPercent)))
        }
        try await outbox.enqueue(events, on: connection)
        GoalsMetrics.progressRecorded(origin)
        if goal.atRisk && !before.atRisk { GoalsMetrics.flaggedAtRisk() }
        return entry
    }

    /// The update must fit the goal's kind: a value for a KPI, `done` for a milestone, a known
    /// key result and its value for an objective.
    func validate(_ update: ProgressUpdate, for goal: Goal) throws(Problem) {
        guard GoalWorkflow.acceptsProgress(goal.status) else {
            throw Problem.conflict("Progress can be recorded on approved or active goals; this one is \(goal.status.rawValue).")
        }
        var errors: [FieldError] = []
        switch goal.definition.kind {
        case .kpi:
            if update.value == nil { errors.append(FieldError(field: "value", message: "A KPI update needs the new value.")) }
            if update.done != nil { errors.append(FieldError(field: "done", message: "Only milestones take done.")) }
            if update.keyResultID != nil { errors.append(FieldError(field: "key_result_id", message: "Only objectives have key results.")) }
        case .milestone:
            if update.done == nil { errors.append(FieldError(field: "done", message: "A milestone update says whether it is done.")) }
            if update.value != nil { errors.append(FieldError(field: "value", message: "A milestone takes done, not a value.")) }
            if update.keyResultID != nil { errors.append(FieldError(field: "key_result_id", message: "Only objectives have key results.")) }
        case .objective:
            if update.value == nil { errors.append(FieldError(field: "value", message: "A key result update needs the new value.")) }
            if update.done != nil { errors.append(FieldError(field: "done", message: "Only milestones take done.")) }
            if let id = update.keyResultID {
                if !goal.definition.keyResults.contains(where: { $0.keyResultID == id }) {
                    errors.append(FieldError(field: "key_result_id", message: "The goal has no key result \(id)."))
                }
            } else {
                errors.append(FieldError(field: "key_result_id", message: "Say which key result the value is for."))
            }
        }
        if let value = update.value, abs(value) > 1_000_000_000_000 {
            errors.append(FieldError(field: "value", message: "The value is out of range."))
        }
        if let comment = update.comment, comment.count > GoalDefinitionRules.maxCommentLength {
            errors.append(FieldError(field: "comment", message: "Keep the comment to \(GoalDefinitionRules.maxCommentLength) characters."))
        }
        if let link = update.evidenceURL {
            let url = URL(string: link)
            if link.count > 2000 || url?.host == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "") {
                errors.append(FieldError(field: "evidence_url", message: "Give an http(s) link of up to 2000 characters."))
            }
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
    }
}
