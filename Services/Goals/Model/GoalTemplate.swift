import Foundation
import StrideContracts

/// A reusable goal, assigned in one call to everyone in an org unit or with a job title, in any period.
public struct GoalTemplate: Sendable, Equatable, Codable {
    public var templateID: String
    public var title: String
    public var description: String?
    public var kind: GoalKind
    /// The weight each assigned goal starts with.
    @DecimalString public var weight: Decimal
    public var measure: GoalMeasure?
    public var keyResults: [KeyResult]
    public var createdBy: String
    public var createdAt: Date

    /// The definition of the employee goal the template makes under `parentGoalID`.
    func definition(parentGoalID: String?, weight: Decimal?, dueDate: CalendarDate?) -> GoalDefinition {
        GoalDefinition(
            title: title, description: description, level: .employee, kind: kind, parentGoalID: parentGoalID,
            weight: weight ?? self.weight, dueDate: dueDate, measure: measure, keyResults: keyResults)
    }

    enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case title
        case description
        case kind
        case weight
        case measure
        case keyResults = "key_results"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}
