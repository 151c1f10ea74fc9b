import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// A change to a goal's definition: fields left out stay as they are; `null` clears
/// `description`, `parent_goal_id` and `due_date`. `version`, when given, must be the goal's
/// current version (a lost-update guard).
public struct GoalPatch: Sendable, Decodable {
    public var version: Int?
    public var title: String?
    public var description: String??
    public var parentGoalID: String??
    public var weight: Decimal?
    public var dueDate: CalendarDate??
    public var measure: GoalMeasure?
    public var keyResults: [KeyResult]?

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func clearable<T: Decodable>(_ key: CodingKeys, _ type: T.Type) throws -> T?? {
            guard container.contains(key) else { return nil }
            return .some(try container.decodeIfPresent(T.self, forKey: key))
        }
        do {
            version = try container.decodeIfPresent(Int.self, forKey: .version)
        } catch {
            // Any failure, including a fraction (which Foundation reports as invalid JSON), names the field.
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "must be the goal's version as a whole number, e.g. 3")
        }
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try clearable(.description, String.self)
        parentGoalID = try clearable(.parentGoalID, String.self)
        if case .some(.some(let parent)) = parentGoalID { try container.requireIdentifier(parent, forKey: .parentGoalID) }
        weight = try container.decodeIfPresent(DecimalString.self, forKey: .weight)?.wrappedValue
        dueDate = try clearable(.dueDate, CalendarDate.self)
        measure = try container.decodeIfPresent(GoalMeasure.self, forKey: .measure)
        keyResults = try container.decodeIfPresent([KeyResult].self, forKey: .keyResults)
    }

    enum CodingKeys: String, CodingKey {
        case version
        case title
        case description
        case parentGoalID = "parent_goal_id"
        case weight
        case dueDate = "due_date"
        case measure
        case keyResults = "key_results"
    }

    /// The definition with the patch applied, and the JSON names of the fields that changed.
    func applied(to definition: GoalDefinition) -> (GoalDefinition, [String]) {
        var next = definition
        if let title { next.title = title }
        if let description { next.description = description }
        if let parentGoalID { next.parentGoalID = parentGoalID }
        if let weight { next.weight = weight }
        if let dueDate { next.dueDate = dueDate }
        if let measure { next.measure = measure }
        if let keyResults { next.keyResults = keyResults }
        var changed: [String] = []
        if next.title != definition.title { changed.append("title") }
        if next.description != definition.description { changed.append("description") }
        if next.parentGoalID != definition.parentGoalID { changed.append("parent_goal_id") }
        if next.weight != definition.weight { changed.append("weight") }
        if next.dueDate != definition.dueDate { changed.append("due_date") }
        if next.measure != definition.measure { changed.append("measure") }
        if next.keyResults != definition.keyResults { changed.append("key_results") }
        return (next, changed)
    }
}

extension GoalsCore {
    /// Changes a goal's definition. An employee goal is editable while draft or returned; an
    /// org-level goal while it is not frozen, completed or cancelled.
    public func updateGoal(_ goalID: String, _ patch: GoalPatch, by principal: Principal, on connection: PostgresConnection) async throws -> Goal {
        var (goal, period) = try await lockedGoal(goalID, for: principal, on: connection)
        try await access.requireWriter(ownerID: goal.ownerID, level: goal.definition.level, principal: principal, on: connection)
        if let expected = patch.version, expected != goal.version {
            throw Problem.conflict("Goal \(goalID) is at version \(goal.version), not \(expected); reload it and try again.")
        }
        let editable = goal.definition.level == .employee
            ? GoalWorkflow.isEditable(goal.status) : ![.completed, .cancelled].contains(goal.status)
        guard editable else {
            throw Problem.conflict("A \(goal.status.rawValue) goal cannot be edited; only draft or returned goals can.")
        }
        let (definition, changed) = patch.applied(to: goal.definition)
        guard !changed.isEmpty else { return goal }
        let violations = GoalDefinitionRules.violations(of: definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        if changed.contains("due_date") || changed.contains("parent_goal_id") {
            try validateDueDate(definition.dueDate, in: period)
            try await validateParent(definition.parentGoalID, of: goal.goalID, in: goal.periodID, principal: principal, on: connection)
        }
        goal.definition = definition
        goal.version += 1
        goal.updatedAt = Date()
        goal.progressPercent = Attainment.percent(of: goal.measurement, policy: settings.policy)
        try await Audit.identify(actor: principal.subject, action: "update", on: connection)
        try await goals.update(goal, on: connection)
        try await outbox.enqueue(
            GoalUpdated(
                goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: principal.subject,
                version: goal.version, definition: definition, changedFields: changed),
            on: connection)
        return goal
    }
}
