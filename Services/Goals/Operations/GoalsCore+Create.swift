import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What a client sends to create a goal: the period, the owner and the definition's fields,
/// flat in one JSON object (`key_results` may be left out for KPIs and milestones).
public struct NewGoal: Sendable, Decodable {
    public var periodID: String
    /// Defaults to the caller for employee goals; required for org-level goals (400 without it).
    public var ownerID: String?
    public var definition: GoalDefinition

    public init(periodID: String, ownerID: String?, definition: GoalDefinition) {
        self.periodID = periodID
        self.ownerID = ownerID
        self.definition = definition
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        periodID = try container.decodeIdentifier(forKey: .periodID)
        ownerID = try container.decodeIdentifierIfPresent(forKey: .ownerID)
        definition = try GoalFields(from: decoder).definition
    }

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case ownerID = "owner_id"
    }
}

/// A goal definition as request bodies carry it: the contract's fields, with `key_results`
/// optional and `weight` defaulting to 100 (org-level goals).
struct GoalFields: Decodable {
    var definition: GoalDefinition

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        definition = GoalDefinition(
            title: try container.decode(String.self, forKey: .title),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            level: try container.decodeIfPresent(GoalLevel.self, forKey: .level) ?? .employee,
            kind: try container.decode(GoalKind.self, forKey: .kind),
            parentGoalID: try container.decodeIdentifierIfPresent(forKey: .parentGoalID),
            weight: try container.decodeIfPresent(DecimalString.self, forKey: .weight)?.wrappedValue ?? 100,
            dueDate: try container.decodeIfPresent(CalendarDate.self, forKey: .dueDate),
            measure: try container.decodeIfPresent(GoalMeasure.self, forKey: .measure),
            keyResults: try container.decodeIfPresent([KeyResult].self, forKey: .keyResults) ?? [])
    }

    enum CodingKeys: String, CodingKey {
        case title
        case description
        case level
        case kind
        case parentGoalID = "parent_goal_id"
        case weight
        case dueDate = "due_date"
        case measure
        case keyResults = "key_results"
    }
}

extension GoalsCore {
    /// Creates a goal: an employee drafts their own, a manager assigns one to a report (also a
    /// draft, for the employee to agree), HR and managers write org-level goals (active at once).
    public func createGoal(_ request: NewGoal, by principal: Principal, on connection: PostgresConnection) async throws -> Goal {
        let definition = request.definition
        guard definition.level == .employee || request.ownerID != nil else {
            throw Problem.validation(field: "owner_id", "Name the org unit that owns a \(definition.level.rawValue) goal.")
        }
        let ownerID = request.ownerID ?? principal.subject
        let violations = GoalDefinitionRules.violations(of: definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let period = try await openPeriod(request.periodID, on: connection)
        try await access.requireWriter(ownerID: ownerID, level: definition.level, principal: principal, on: connection)
        if definition.level == .employee {
            guard let owner = try await directory.employee(ownerID, on: connection) else {
                throw Problem.validation(field: "owner_id", "No employee \(ownerID) in the org directory.")
            }
            guard owner.status != "terminated" else {
                throw Problem.validation(field: "owner_id", "\(ownerID) has left the company; goals cannot be assigned to them.")
            }
        }
        try validateDueDate(definition.dueDate, in: period)
        let goalID = GoalsIdentifier.make()
        try await validateParent(definition.parentGoalID, of: goalID, in: period.periodID, principal: principal, on: connection)
        let now = Date()
        var goal = Goal(
            goalID: goalID, periodID: period.periodID, ownerID: ownerID,
            status: definition.level == .employee ? .draft : .active, version: 1, definition: definition,
            currentValue: nil, milestoneDone: false, keyResultValues: [:], progressPercent: 0, atRisk: false,
            needsReassignment: false, frozen: false, templateID: nil, createdBy: principal.subject, createdAt: now, updatedAt: now)
        goal.progressPercent = Attainment.percent(of: goal.measurement, policy: settings.policy)
        try await Audit.identify(actor: principal.subject, action: "create", on: connection)
        try await insertCreated(goal, on: connection)
        return goal
    }

    /// Writes a new goal and its `GoalCreated` (actor: the goal's `created_by`) on `connection`'s
    /// transaction: the one write path of every goal created from a definition (a request, a
    /// coaching suggestion). The caller has validated it and identified the actor for the audit.
    func insertCreated(_ goal: Goal, on connection: PostgresConnection) async throws {
        try await goals.insert(goal, on: connection)
        try await outbox.enqueue(
            GoalCreated(
                goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: goal.createdBy, version: goal.version,
                status: goal.status, definition: goal.definition),
            on: connection)
        GoalsMetrics.created(goal.definition.level)
    }

    /// A due date must fall inside the period.
    func validateDueDate(_ dueDate: CalendarDate?, in period: GoalPeriod) throws(Problem) {
        guard let dueDate else { return }
        guard dueDate >= period.startsOn, dueDate <= period.endsOn else {
            throw Problem.validation(
                field: "due_date", "The due date must fall inside the period (\(period.startsOn) to \(period.endsOn)).")
        }
    }

    /// The parent must exist and be visible to `principal` (an invisible one is reported as
    /// unknown, revealing nothing), be in the same period, and not sit below the goal (no cycles).
    func validateParent(
        _ parentID: String?, of goalID: String, in periodID: String, principal: Principal, on connection: PostgresConnection
    ) async throws {
        guard let parentID else { return }
        guard let parent = try await goals.goal(parentID, on: connection),
            try await access.canSee(parent, principal: principal, on: connection)
        else {
            throw Problem.validation(field: "parent_goal_id", "No goal \(parentID) to align to.")
        }
        let ancestry = try await goals.ancestry(from: parentID, on: connection)
        try enforcing {
            try Alignment.validate(goalID: goalID, periodID: periodID, parentID: parentID) { ancestry[$0] }
        }
    }
}
