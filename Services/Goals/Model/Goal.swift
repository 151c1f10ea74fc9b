import Foundation
import StrideContracts

/// A goal as the service stores and shows it: what it says (its ``definition``), where it is in
/// its workflow, and how far it has come.
public struct Goal: Sendable, Equatable, Codable {
    public var goalID: String
    public var periodID: String
    /// The employee, or for org-level goals the org unit (company id, department name, or the
    /// team lead's employee id for a team), that owns the goal.
    public var ownerID: String
    public var status: GoalStatus
    /// +1 on every change; writers pass the version they read to detect lost updates.
    public var version: Int
    public var definition: GoalDefinition
    /// The latest KPI reading; nil until the first.
    @OptionalDecimalString public var currentValue: Decimal?
    /// Whether the milestone is done.
    public var milestoneDone: Bool
    /// The latest value of each key result, by key result id.
    public var keyResultValues: [String: DecimalString]
    /// The goal's own attainment under the service's policy, in percent.
    @DecimalString public var progressPercent: Decimal
    /// Behind expected pace by more than the margin, as last assessed.
    public var atRisk: Bool
    /// The owner left the company; the goal needs a new owner or a cancellation.
    public var needsReassignment: Bool
    /// The period is closed; the goal no longer changes.
    public var frozen: Bool
    /// The template the goal was assigned from, if any.
    public var templateID: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    /// How the goal is measured now, for ``Attainment``.
    public var measurement: GoalMeasurement {
        switch definition.kind {
        case .milestone:
            return .milestone(done: milestoneDone)
        case .objective:
            return .objective(definition.keyResults.map {
                KeyResultMeasurement(
                    keyResultID: $0.keyResultID, startValue: $0.startValue, targetValue: $0.targetValue, weight: $0.weight,
                    currentValue: keyResultValues[$0.keyResultID]?.wrappedValue)
            })
        case .kpi:
            let measure = definition.measure
            return .kpi(KPIMeasurement(
                direction: measure?.direction ?? .increase, startValue: measure?.startValue ?? 0,
                targetValue: measure?.targetValue ?? 0, lowerBound: measure?.lowerBound, upperBound: measure?.upperBound,
                currentValue: currentValue))
        }
    }

    enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case periodID = "period_id"
        case ownerID = "owner_id"
        case status
        case version
        case definition
        case currentValue = "current_value"
        case milestoneDone = "milestone_done"
        case keyResultValues = "key_result_values"
        case progressPercent = "progress_percent"
        case atRisk = "at_risk"
        case needsReassignment = "needs_reassignment"
        case frozen
        case templateID = "template_id"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
