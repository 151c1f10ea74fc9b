import Foundation
import StrideContracts
import StrideRuntime

/// The goals service's own settings, besides the runtime's (database, broker, HTTP, JWT).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `GOALS_ATTAINMENT_FLOOR` | `0` | lowest attainment a goal can score, in percent |
/// | `GOALS_ATTAINMENT_CAP` | `150` | highest attainment a goal can score, in percent |
/// | `GOALS_AT_RISK_MARGIN` | `20` | points behind linear pace before a goal is at risk |
/// | `GOALS_PACE_SWEEP_SECONDS` | `3600` | how often every open period's pace is re-assessed; `0` turns the sweep off |
/// | `GOALS_TREE_SCAN_LIMIT` | `100000` | the most goals one tree request reads below its root (and rolls up) |
public struct GoalsSettings: Sendable {
    /// How raw progress becomes attainment.
    public var policy: AttainmentPolicy
    /// How many percentage points behind expected pace a goal may fall before it is at risk.
    public var atRiskMarginPoints: Decimal
    /// Today, for pace; tests and demos pin it.
    public var clock: @Sendable () -> Date
    /// Where the service reads coaching's events (`FeedbackInterviewCompleted`): the catalog's
    /// topic in production; tests give each service a topic of its own, so no other test's
    /// interviews turn into its drafts.
    public var coachingTopic: String = StrideTopic.coaching.rawValue
    /// How often the background sweep re-assesses pace; nil turns it off.
    public var paceSweepInterval: Duration?
    /// The most goals one tree request reads below its root: the nearest levels first; a bigger
    /// subtree answers `truncated` with its roll-up over those goals only.
    public var treeScanLimit: Int

    public init(
        policy: AttainmentPolicy = .standard, atRiskMarginPoints: Decimal = 20, paceSweepInterval: Duration? = nil,
        treeScanLimit: Int = 100_000, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.treeScanLimit = treeScanLimit
        self.policy = policy
        self.atRiskMarginPoints = atRiskMarginPoints
        self.paceSweepInterval = paceSweepInterval
        self.clock = clock
    }

    /// Reads the settings from the environment.
    /// - Throws: ``GoalsSettingsError`` listing every invalid variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> GoalsSettings {
        var problems: [String] = []
        func decimal(_ name: String, _ fallback: Decimal) -> Decimal {
            guard let text = environment[name], !text.isEmpty else { return fallback }
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
                problems.append("\(name)=\(text) is not a decimal number")
                return fallback
            }
            return value
        }
        let floor = decimal("GOALS_ATTAINMENT_FLOOR", 0)
        let cap = decimal("GOALS_ATTAINMENT_CAP", 150)
        let margin = decimal("GOALS_AT_RISK_MARGIN", 20)
        let sweep = decimal("GOALS_PACE_SWEEP_SECONDS", 3600)
        if sweep < 0 { problems.append("GOALS_PACE_SWEEP_SECONDS=\(sweep) must not be negative") }
        var policy = AttainmentPolicy.standard
        do {
            policy = try AttainmentPolicy.validated(floor: floor, cap: cap)
        } catch {
            problems.append("GOALS_ATTAINMENT_FLOOR/GOALS_ATTAINMENT_CAP: \(error.message)")
        }
        if margin < 0 || margin > 100 { problems.append("GOALS_AT_RISK_MARGIN=\(margin) must be between 0 and 100") }
        var treeScanLimit = 100_000
        if let text = environment["GOALS_TREE_SCAN_LIMIT"], !text.isEmpty {
            if let value = Int(text), value >= 1 {
                treeScanLimit = value
            } else {
                problems.append("GOALS_TREE_SCAN_LIMIT=\(text) must be a whole number of at least 1")
            }
        }
        guard problems.isEmpty else { throw GoalsSettingsError(problems: problems) }
        let seconds = NSDecimalNumber(decimal: sweep).intValue
        return GoalsSettings(
            policy: policy, atRiskMarginPoints: margin, paceSweepInterval: seconds > 0 ? .seconds(seconds) : nil,
            treeScanLimit: treeScanLimit)
    }
}

/// Invalid goals settings, every problem listed.
public struct GoalsSettingsError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { "invalid goals configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
