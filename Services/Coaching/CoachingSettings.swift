import Foundation
import StrideContracts
import StrideRuntime

/// The coaching service's own settings, besides the runtime's (database, broker, HTTP, JWT).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `COACHING_DEFAULT_CADENCE` | `biweekly` | check-in cadence of a pair nobody has set one for: `weekly`, `biweekly`, `monthly` |
/// | `COACHING_OVERDUE_GRACE_DAYS` | `3` | days past due before a check-in counts as overdue |
/// | `COACHING_NUDGE_LEAD_DAYS` | `2` | when no 1:1 is scheduled within the cadence, a nudge schedules one this many days ahead |
/// | `COACHING_INTERVIEW_WINDOW_DAYS` | `14` | days after an appraisal is finalized by which its feedback interview is due |
/// | `COACHING_PLAN_MAX_EXTENSIONS` | `1` | how often one improvement plan may be extended |
public struct CoachingSettings: Sendable {
    /// The cadence of a pair that has not chosen one.
    public var defaultCadence: CheckInCadence
    /// Days past due before a check-in is overdue.
    public var overdueGraceDays: Int
    /// Days ahead a nudge schedules a 1:1 when none is scheduled within the cadence.
    public var nudgeLeadDays: Int
    /// When a feedback interview is due after the appraisal.
    public var interviewWindow: InterviewWindow
    /// Limits on improvement plans.
    public var planPolicy: ImprovementPlanPolicy
    /// Now, as the service sees it; tests and demos pin it.
    public var clock: @Sendable () -> Date
    /// Where the service reads goals and appraisal events: the catalog's topics in production;
    /// tests give each service topics of its own, so it reads only what the test publishes.
    public var goalsTopic: String = StrideTopic.goals.rawValue
    public var appraisalTopic: String = StrideTopic.appraisal.rawValue

    public init(
        defaultCadence: CheckInCadence = .biweekly, overdueGraceDays: Int = CheckInSchedule.defaultGraceDays,
        nudgeLeadDays: Int = NudgePlacement.defaultLeadDays, interviewWindow: InterviewWindow = InterviewWindow(),
        planPolicy: ImprovementPlanPolicy = .standard, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.defaultCadence = defaultCadence
        self.overdueGraceDays = overdueGraceDays
        self.nudgeLeadDays = nudgeLeadDays
        self.interviewWindow = interviewWindow
        self.planPolicy = planPolicy
        self.clock = clock
    }

    /// The schedule of a pair on `cadence`.
    public func schedule(_ cadence: CheckInCadence) -> CheckInSchedule {
        CheckInSchedule(cadence: cadence, graceDays: overdueGraceDays)
    }

    /// Reads the settings from the environment.
    /// - Throws: ``CoachingSettingsError`` listing every invalid variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CoachingSettings {
        var problems: [String] = []
        func whole(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = environment[name], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                problems.append("\(name)=\(text) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return fallback
            }
            return value
        }
        var cadence = CheckInCadence.biweekly
        if let text = environment["COACHING_DEFAULT_CADENCE"], !text.isEmpty {
            if let value = CheckInCadence(rawValue: text) {
                cadence = value
            } else {
                problems.append("COACHING_DEFAULT_CADENCE=\(text) must be one of \(CheckInCadence.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let grace = whole("COACHING_OVERDUE_GRACE_DAYS", CheckInSchedule.defaultGraceDays, 0...60)
        let lead = whole("COACHING_NUDGE_LEAD_DAYS", NudgePlacement.defaultLeadDays, 0...31)
        let window = whole("COACHING_INTERVIEW_WINDOW_DAYS", InterviewWindow.defaultWindowDays, 1...180)
        let extensions = whole("COACHING_PLAN_MAX_EXTENSIONS", ImprovementPlanPolicy.defaultMaxExtensions, 0...10)
        guard problems.isEmpty else { throw CoachingSettingsError(problems: problems) }
        return CoachingSettings(
            defaultCadence: cadence, overdueGraceDays: grace, nudgeLeadDays: lead,
            interviewWindow: InterviewWindow(windowDays: window, leadDays: min(InterviewWindow.defaultLeadDays, window)),
            planPolicy: ImprovementPlanPolicy(maxExtensions: extensions))
    }
}

/// Invalid coaching settings, every problem listed.
public struct CoachingSettingsError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { "invalid coaching configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
