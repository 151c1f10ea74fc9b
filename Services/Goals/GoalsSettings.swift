import Foundation
import StrideRuntime

/// The goals service's own settings, besides the runtime's (database, broker, HTTP, JWT).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `GOALS_ATTAINMENT_FLOOR` | `0` | lowest attainment a goal can score, in percent |
/// | `GOALS_ATTAINMENT_CAP` | `150` | highest attainment a goal can score, in percent |
/// | `GOALS_AT_RISK_MARGIN` | `20` | points behind linear pace before a goal is at risk |
public struct GoalsSettings: Sendable {
    /// How raw progress becomes attainment.
    public var policy: AttainmentPolicy
    /// How many percentage points behind expected pace a goal may fall before it is at risk.
    public var atRiskMarginPoints: Decimal
    /// Today, for pace; tests and demos pin it.
    public var clock: @Sendable () -> Date

    public init(policy: AttainmentPolicy = .standard, atRiskMarginPoints: Decimal = 20, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.policy = policy
        self.atRiskMarginPoints = atRiskMarginPoints
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
        var policy = AttainmentPolicy.standard
        do {
            policy = try AttainmentPolicy.validated(floor: floor, cap: cap)
        } catch {
            problems.append("GOALS_ATTAINMENT_FLOOR/GOALS_ATTAINMENT_CAP: \(error.message)")
        }
        if margin < 0 || margin > 100 { problems.append("GOALS_AT_RISK_MARGIN=\(margin) must be between 0 and 100") }
        guard problems.isEmpty else { throw GoalsSettingsError(problems: problems) }
        return GoalsSettings(policy: policy, atRiskMarginPoints: margin)
    }
}

/// Invalid goals settings, every problem listed.
public struct GoalsSettingsError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { "invalid goals configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
