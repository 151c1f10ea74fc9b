import StrideContracts
import StrideRuntime

/// Who takes part in a cycle: active employees in the listed departments and job levels (an
/// empty list means all), hired on or before a cut-off when there is one — so that someone who
/// joined last week is not appraised on a year they were not there for.
public struct PopulationRule: Codable, Sendable, Equatable {
    /// The most entries in each list.
    public static let maxEntries = 200

    /// The departments taking part; empty means every department.
    public var departments: [String]
    /// The job levels taking part; empty means every level.
    public var jobLevels: [String]
    /// The latest hire date taking part, if any.
    public var hiredOnOrBefore: CalendarDate?

    /// Creates a rule.
    /// - Parameters:
    ///   - departments: the departments, empty for all.
    ///   - jobLevels: the job levels, empty for all.
    ///   - hiredOnOrBefore: the hire-date cut-off, if any.
    public init(departments: [String], jobLevels: [String], hiredOnOrBefore: CalendarDate?) {
        self.departments = departments
        self.jobLevels = jobLevels
        self.hiredOnOrBefore = hiredOnOrBefore
    }

    /// Decodes a rule; missing lists are empty (everyone).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        departments = try container.decodeIfPresent([String].self, forKey: .departments) ?? []
        jobLevels = try container.decodeIfPresent([String].self, forKey: .jobLevels) ?? []
        hiredOnOrBefore = try container.decodeIfPresent(CalendarDate.self, forKey: .hiredOnOrBefore)
    }

    /// Every rule the population breaks, each `.invalid`: `population.departments` and
    /// `population.job_levels` at most ``maxEntries``, none blank or repeated (`…[i]`).
    /// - Parameter rule: the population rule.
    public static func violations(of rule: PopulationRule) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        FieldChecks.identifiers(
            rule.departments, field: "population.departments", name: "departments", maxCount: maxEntries, into: &found)
        FieldChecks.identifiers(
            rule.jobLevels, field: "population.job_levels", name: "job levels", maxCount: maxEntries, into: &found)
        return found
    }

    /// Whether an employee takes part: active, in a listed department and job level (exact
    /// match), and hired on or before the cut-off. An unknown hire date passes only when there is
    /// no cut-off.
    /// - Parameters:
    ///   - department: the employee's department.
    ///   - jobLevel: the employee's job level.
    ///   - hireDate: the hire date, if known.
    ///   - active: whether the employee is active.
    public func includes(department: String, jobLevel: String, hireDate: CalendarDate?, active: Bool) -> Bool {
        guard active else { return false }
        guard departments.isEmpty || departments.contains(department) else { return false }
        guard jobLevels.isEmpty || jobLevels.contains(jobLevel) else { return false }
        guard let cutOff = hiredOnOrBefore else { return true }
        guard let hireDate else { return false }
        return hireDate <= cutOff
    }

    private enum CodingKeys: String, CodingKey {
        case departments
        case jobLevels = "job_levels"
        case hiredOnOrBefore = "hired_on_or_before"
    }
}
