/// The kind of goal. JSON: `objective`, `kpi`, `milestone`.
public enum GoalKind: String, Codable, Sendable, CaseIterable {
    /// An objective measured by key results.
    case objective
    /// A key performance indicator bound to a metric (start, target, current, direction).
    case kpi
    /// A milestone: done or not done.
    case milestone
}

/// Where a goal is in its workflow.
/// JSON: `draft`, `submitted`, `returned`, `approved`, `active`, `completed`, `cancelled`.
public enum GoalStatus: String, Codable, Sendable, CaseIterable {
    /// Being written by its owner.
    case draft
    /// Submitted by the employee for the manager's agreement.
    case submitted
    /// Returned by the manager for changes.
    case returned
    /// Agreed by the manager.
    case approved
    /// Being worked on.
    case active
    /// Finished.
    case completed
    /// Dropped; carries no weight at period close.
    case cancelled
}

/// The level of the goal tree a goal belongs to. JSON: `company`, `department`, `team`, `employee`.
public enum GoalLevel: String, Codable, Sendable, CaseIterable {
    /// A company goal (owner: the company org unit).
    case company
    /// A department goal (owner: the department org unit).
    case department
    /// A team goal (owner: the team org unit).
    case team
    /// An individual goal (owner: the employee).
    case employee
}

/// Which way a KPI should move. JSON: `increase`, `decrease`, `stay_within_range`.
public enum MetricDirection: String, Codable, Sendable, CaseIterable {
    /// Higher is better (revenue).
    case increase
    /// Lower is better (churn, resolution time).
    case decrease
    /// Stay between the range's bounds (budget variance).
    case stayWithinRange = "stay_within_range"
}

/// The length of a goal period. JSON: `year`, `half`, `quarter`.
public enum GoalPeriodKind: String, Codable, Sendable, CaseIterable {
    /// A calendar or fiscal year.
    case year
    /// A half year.
    case half
    /// A quarter.
    case quarter
}
