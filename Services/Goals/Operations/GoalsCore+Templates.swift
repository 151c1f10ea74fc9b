import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What a client sends to create a template: a goal definition without owner, level or parent.
public struct NewTemplate: Sendable, Decodable {
    public var definition: GoalDefinition

    public init(from decoder: any Decoder) throws {
        definition = try GoalFields(from: decoder).definition
        definition.level = .employee
        definition.parentGoalID = nil
        definition.dueDate = nil
    }
}

/// Assign a template to everyone in a department and/or with a job title, aligned under a parent goal.
public struct TemplateAssignment: Sendable, Decodable {
    public var periodID: String
    public var parentGoalID: String?
    public var department: String?
    public var jobTitle: String?
    /// Overrides the template's weight.
    public var weight: Decimal?
    public var dueDate: CalendarDate?

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        periodID = try container.decodeIdentifier(forKey: .periodID)
        parentGoalID = try container.decodeIdentifierIfPresent(forKey: .parentGoalID)
        department = try container.decodeIfPresent(String.self, forKey: .department)
        jobTitle = try container.decodeIfPresent(String.self, forKey: .jobTitle)
        weight = try container.decodeIfPresent(DecimalString.self, forKey: .weight)?.wrappedValue
        dueDate = try container.decodeIfPresent(CalendarDate.self, forKey: .dueDate)
    }

    enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case parentGoalID = "parent_goal_id"
        case department
        case jobTitle = "job_title"
        case weight
        case dueDate = "due_date"
    }
}

/// The outcome of an assignment.
public struct AssignmentResult: Sendable, Codable, Equatable {
    /// Goals created now.
    public var created: Int
    /// The new goals' ids, in owner order.
    public var goalIDs: [String]

    enum CodingKeys: String, CodingKey {
        case created
        case goalIDs = "goal_ids"
    }
}

extension GoalsCore {
    /// Creates a template (HR or a manager).
    public func createTemplate(_ request: NewTemplate, by principal: Principal, on connection: PostgresConnection) async throws -> GoalTemplate {
        try principal.require(anyOf: [.hr, .admin, .manager])
        let violations = GoalDefinitionRules.violations(of: request.definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let d = request.definition
        let template = GoalTemplate(
            templateID: GoalsIdentifier.make(), title: d.title, description: d.description, kind: d.kind, weight: d.weight,
            measure: d.measure, keyResults: d.keyResults, createdBy: principal.subject, createdAt: Date())
        try await templates.insert(template, on: connection)
        return template
    }

    /// A page of templates.
    public func listTemplates(page: PageRequest, on connection: PostgresConnection) async throws -> Page<GoalTemplate> {
        let rows = try await templates.list(afterID: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.templateID)
    }

    /// Assigns a template to a whole department or job title in one transaction, each new goal
    /// a draft aligned under the given parent. HR reaches everyone; a manager only their
    /// reporting line. Running it again creates nothing twice.
    public func assignTemplate(
        _ templateID: String, _ request: TemplateAssignment, by principal: Principal, on connection: PostgresConnection
    ) async throws -> AssignmentResult {
        try principal.require(anyOf: [.hr, .admin, .manager])
        guard request.department != nil || request.jobTitle != nil else {
            throw Problem.validation(field: "department", "Name a department, a job title, or both.")
        }
        guard let template = try await templates.template(templateID, on: connection) else {
            throw Problem.notFound("No goal template \(templateID).")
        }
        let period = try await openPeriod(request.periodID, on: connection)
        let definition = template.definition(parentGoalID: request.parentGoalID, weight: request.weight, dueDate: request.dueDate)
        let violations = GoalDefinitionRules.violations(of: definition)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try validateDueDate(request.dueDate, in: period)
        try await validateParent(
            request.parentGoalID, of: GoalsIdentifier.make(), in: period.periodID, principal: principal, on: connection)
        let initial = Attainment.percent(of: Goal.initialMeasurement(of: definition), policy: settings.policy)
        try await Audit.identify(actor: principal.subject, action: "assign-template", on: connection)
        let created = try await templates.assign(
            template, period: period.periodID, parentGoalID: request.parentGoalID, weight: definition.weight,
            dueDate: request.dueDate, department: request.department, jobTitle: request.jobTitle,
            within: principal.isHR ? nil : principal.subject, initialProgress: initial, actor: principal.subject, on: connection)
        let events = try created.map {
            try outbox.encode(GoalCreated(
                goalID: $0.goalID, ownerID: $0.ownerID, periodID: period.periodID, actorID: principal.subject, version: 1,
                status: .draft, definition: definition))
        }
        for chunk in stride(from: 0, to: events.count, by: 5_000) {
            try await outbox.enqueue(Array(events[chunk..<min(chunk + 5_000, events.count)]), on: connection)
        }
        GoalsMetrics.created(.employee, count: created.count)
        return AssignmentResult(created: created.count, goalIDs: created.map(\.goalID))
    }
}

extension Goal {
    /// How a goal with `definition` is measured before any update.
    static func initialMeasurement(of definition: GoalDefinition) -> GoalMeasurement {
        let goal = Goal(
            goalID: "", periodID: "", ownerID: "", status: .draft, version: 1, definition: definition, currentValue: nil,
            milestoneDone: false, keyResultValues: [:], progressPercent: 0, atRisk: false, needsReassignment: false,
            frozen: false, templateID: nil, createdBy: "", createdAt: Date(), updatedAt: Date())
        return goal.measurement
    }
}
