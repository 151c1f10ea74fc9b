/// Where an improvement plan is. JSON: `draft`, `approved`, `in_progress`, `succeeded`, `failed`.
///
/// draft → approved (by HR) → in progress (acknowledged by the employee) → succeeded or failed.
/// An extension keeps the plan in progress with a later end date.
public enum ImprovementPlanStatus: String, Codable, Sendable, CaseIterable {
    /// Being written by the manager; editable.
    case draft
    /// Approved by HR; waiting for the employee's acknowledgement.
    case approved
    /// Acknowledged; checkpoints are reviewed until the outcome.
    case inProgress = "in_progress"
    /// Closed: the objectives were met.
    case succeeded
    /// Closed: the objectives were not met.
    case failed

    /// Whether the plan is over.
    public var isClosed: Bool { self == .succeeded || self == .failed }
}
