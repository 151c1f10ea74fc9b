import StrideContracts

/// How a manager (or HR partner) ends, or extends, an improvement plan.
public struct PlanClosing: Sendable, Hashable {
    /// Succeeded, extended or failed. JSON: `outcome`.
    public var outcome: ImprovementPlanOutcome
    /// The day of the decision. JSON: `closed_on`.
    public var closedOn: CalendarDate
    /// The new end date; required for `extended`, absent otherwise. JSON: `extended_until`.
    public var extendedUntil: CalendarDate?
    /// Checkpoints added for the extension, after the old end date. JSON: `checkpoints`.
    public var newCheckpoints: [PlanCheckpoint]
    /// Objectives met. JSON: `objectives_met`.
    public var objectivesMet: Int
    /// Why this outcome. JSON: `reason`.
    public var reason: String

    /// Creates a closing.
    /// - Parameters:
    ///   - outcome: the outcome.
    ///   - closedOn: the day of the decision.
    ///   - extendedUntil: the new end date, for an extension.
    ///   - newCheckpoints: checkpoints for the extension.
    ///   - objectivesMet: objectives met.
    ///   - reason: why.
    public init(
        outcome: ImprovementPlanOutcome, closedOn: CalendarDate, extendedUntil: CalendarDate? = nil,
        newCheckpoints: [PlanCheckpoint] = [], objectivesMet: Int, reason: String
    ) {
        self.outcome = outcome
        self.closedOn = closedOn
        self.extendedUntil = extendedUntil
        self.newCheckpoints = newCheckpoints
        self.objectivesMet = objectivesMet
        self.reason = reason
    }
}
