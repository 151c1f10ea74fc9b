import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// How a goal suggested in a feedback interview becomes a draft: the owner and their manager
/// then edit, weigh, submit and agree it like any other draft.
///
/// - Every suggestion becomes a **milestone** draft at employee level, whatever kind coaching
///   suggested: a KPI cannot be saved without its measure (unit, direction, start, target) nor an
///   objective without key results, and goals will not invent numbers someone might agree to by
///   mistake. The description says which kind was suggested, then the rationale.
/// - Weights split 100 evenly over the interview's suggestions (two decimals, the rounding
///   remainder on the first), valid for a draft; the owner rebalances with their other goals
///   before submitting (submission needs all of them to sum to 100).
/// - A blank title becomes `Suggested goal <n>`; a title or description over the goal limits is
///   cut to fit, so a suggestion never fails the definition rules.
enum SuggestedGoalRules {
    /// The title a suggestion's draft gets.
    static func title(_ suggested: String, position: Int) -> String {
        let trimmed = suggested.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "Suggested goal \(position + 1)" }
        guard trimmed.count > GoalDefinitionRules.maxTitleLength else { return trimmed }
        return String(trimmed.prefix(GoalDefinitionRules.maxTitleLength - 1)) + "…"
    }

    /// The weights of `count` suggestions: 100 split evenly, two decimals, summing to exactly 100.
    static func weights(count: Int) -> [Decimal] {
        guard count > 0 else { return [] }
        var share = Decimal(100) / Decimal(count)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &share, 2, .down)
        let cent = Decimal(sign: .plus, exponent: -2, significand: 1)
        let each = max(rounded, cent)
        let first = max(cent, 100 - each * Decimal(count - 1))
        return [first] + Array(repeating: each, count: count - 1)
    }

    /// The draft's description: where the suggestion came from, the kind suggested, the rationale.
    static func description(kind: GoalKind, rationale: String?, interviewID: String, heldOn: CalendarDate) -> String {
        var text = "Suggested in the feedback interview \(interviewID) held on \(heldOn)."
        switch kind {
        case .milestone: break
        case .kpi: text += " Suggested as a KPI: a milestone draft until its measure is agreed."
        case .objective: text += " Suggested as an objective: a milestone draft until its key results are agreed."
        }
        if let rationale = rationale?.trimmingCharacters(in: .whitespacesAndNewlines), !rationale.isEmpty {
            text += "\n\n" + rationale
        }
        guard text.count > GoalDefinitionRules.maxDescriptionLength else { return text }
        return String(text.prefix(GoalDefinitionRules.maxDescriptionLength - 1)) + "…"
    }
}

extension GoalsCore {
    /// How many pending suggestions one transaction drafts.
    public static let suggestionChunkSize = 1_000

    /// Drafts pending suggested goals (see ``recordSuggestions(of:eventID:on:)``) whose employee
    /// is active in the org projection and for whom a goal period is open, on `connection`'s
    /// transaction: each becomes a draft goal through the same write as any created goal
    /// (`GoalCreated` in the outbox, audited as `coaching:<interview id>`), and its suggestion row
    /// records the goal. The rest stay pending for a later call.
    ///
    /// **The next open period** of an interview held on day *D* is the open period that starts
    /// after *D* earliest; when none starts after *D*, the open period that contains *D* (the
    /// interview was held after the new cycle began). Ties (a year and its first quarter start on
    /// the same day) go to the outermost period (no parent), then the longest, then the smallest
    /// id. Periods of every org unit count: goals keeps one calendar of periods per deployment.
    /// - Parameters:
    ///   - employeeID: only this employee's suggestions (when the projection learns of them).
    ///   - interviewID: only this interview's suggestions (when it arrives).
    ///   - limit: the most suggestions drafted.
    /// - Returns: how many drafts were created.
    @discardableResult
    public func draftPendingSuggestions(
        employeeID: String? = nil, interviewID: String? = nil, limit: Int = GoalsCore.suggestionChunkSize, on connection: PostgresConnection
    ) async throws -> Int {
        let schema = goals.schema
        // Periods first (shared), then goals: the lock order of every writer and of period close.
        _ = try await connection.query("""
            SELECT 1 FROM \(unescaped: schema).periods WHERE status = 'open' ORDER BY period_id FOR SHARE
            """)
        let rows = try await connection.query("""
            SELECT s.interview_id, s.position, s.employee_id, s.held_on::text AS held_on, s.title, s.suggested_kind,
                   s.rationale, s.weight, next.period_id
            FROM \(unescaped: schema).suggested_goals s
            JOIN \(unescaped: schema).org_employees e ON e.employee_id = s.employee_id AND e.status <> 'terminated'
            CROSS JOIN LATERAL (
                SELECT p.period_id FROM \(unescaped: schema).periods p
                WHERE p.status = 'open' AND p.ends_on >= s.held_on
                ORDER BY p.starts_on > s.held_on DESC, CASE WHEN p.starts_on > s.held_on THEN p.starts_on END,
                         p.parent_period_id IS NULL DESC, p.ends_on - p.starts_on DESC, p.period_id
                LIMIT 1
            ) next
            WHERE s.goal_id IS NULL
              AND (\(employeeID)::text IS NULL OR s.employee_id = \(employeeID))
              AND (\(interviewID)::text IS NULL OR s.interview_id = \(interviewID))
            ORDER BY s.received_at, s.interview_id, s.position
            LIMIT \(limit)
            FOR UPDATE OF s
            """)
        guard !rows.isEmpty else { return 0 }
        var drafted: [(interviewID: String, position: Int, goalID: String, periodID: String)] = []
        var actor = ""
        let now = Date()
        for row in rows {
            let interview: String = try row.decode("interview_id")
            let position: Int = try row.decode("position")
            guard let kind = GoalKind(rawValue: try row.decode("suggested_kind")),
                let heldOn = CalendarDate(try row.decode("held_on", as: String.self))
            else {
                throw PostgresError(code: .decoding, message: "suggested_goals row has an unknown kind or date")
            }
            let definition = GoalDefinition(
                title: try row.decode("title"),
                description: SuggestedGoalRules.description(
                    kind: kind, rationale: try row.decode("rationale"), interviewID: interview, heldOn: heldOn),
                level: .employee, kind: .milestone, parentGoalID: nil, weight: try row.decode("weight"), dueDate: nil,
                measure: nil, keyResults: [])
            let violations = GoalDefinitionRules.violations(of: definition)
            guard violations.isEmpty else { throw Problem.rules(violations) }
            if actor != "coaching:\(interview)" {
                actor = "coaching:\(interview)"
                try await Audit.identify(actor: actor, action: "suggested-goal", on: connection)
            }
            var goal = Goal(
                goalID: GoalsIdentifier.make(now: now), periodID: try row.decode("period_id"), ownerID: try row.decode("employee_id"),
                status: .draft, version: 1, definition: definition, currentValue: nil, milestoneDone: false,
                keyResultValues: [:], progressPercent: 0, atRisk: false, needsReassignment: false, frozen: false,
                templateID: nil, createdBy: actor, createdAt: now, updatedAt: now)
            goal.progressPercent = Attainment.percent(of: goal.measurement, policy: settings.policy)
            try await insertCreated(goal, on: connection)
            drafted.append((interview, position, goal.goalID, goal.periodID))
        }
        try await connection.execute("""
            UPDATE \(unescaped: schema).suggested_goals s SET goal_id = d.goal_id, period_id = d.period_id, drafted_at = now()
            FROM unnest(\(drafted.map(\.interviewID))::text[], \(drafted.map(\.position))::int[],
                        \(drafted.map(\.goalID))::text[], \(drafted.map(\.periodID))::text[])
                 AS d(interview_id, position, goal_id, period_id)
            WHERE s.interview_id = d.interview_id AND s.position = d.position
            """)
        return drafted.count
    }

    /// Drafts every pending suggestion that can be drafted now, in chunks of one transaction
    /// each: the periodic job that catches suggestions waiting for a period to open.
    /// - Returns: how many drafts were created.
    @discardableResult
    public func draftPendingSuggestions() async throws -> Int {
        var total = 0
        while true {
            let count = try await pool.transaction { try await draftPendingSuggestions(on: $0) }
            total += count
            guard count == Self.suggestionChunkSize else { return total }
        }
    }
}
