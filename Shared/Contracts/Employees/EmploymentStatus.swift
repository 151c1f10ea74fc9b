/// Where an employee stands in the HRIS. JSON: `active`, `on_leave`, `terminated`.
public enum EmploymentStatus: String, Codable, Sendable, CaseIterable {
    /// Working; takes part in cycles.
    case active
    /// On leave (parental, sick, sabbatical); cycles may prorate or exclude them.
    case onLeave = "on_leave"
    /// No longer employed.
    case terminated
}
