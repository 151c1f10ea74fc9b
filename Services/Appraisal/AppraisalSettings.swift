import Foundation
import StrideContracts
import StrideRuntime

/// The appraisal service's own settings, besides the runtime's (database, broker, HTTP, JWT).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `APPRAISAL_DISPUTE_WINDOW_DAYS` | `14` | days after release in which an employee may dispute their appraisal |
/// | `APPRAISAL_EXTERNAL_LINK_BASE` | `http://localhost:8083/v1/external-reviews` | where an external reviewer's single-use link points |
public struct AppraisalSettings: Sendable {
    /// Days after release in which an employee may dispute.
    public var disputeWindowDays: Int
    /// The base of an external reviewer's link; the token follows as the last path segment.
    public var externalLinkBase: String
    /// Now, as the service sees it; tests and demos pin it.
    public var clock: @Sendable () -> Date
    /// Where the service reads goals and coaching events: the catalog's topics in production;
    /// tests give each service topics of their own.
    public var goalsTopic: String = StrideTopic.goals.rawValue
    public var coachingTopic: String = StrideTopic.coaching.rawValue
    /// The topic of the org (`hr.employees.v1`); tests give each instance its own.
    public var employeesTopic: String = StrideTopic.employees.rawValue

    /// The default dispute window.
    public static let defaultDisputeWindowDays = 14

    public init(
        disputeWindowDays: Int = Self.defaultDisputeWindowDays,
        externalLinkBase: String = "http://localhost:8083/v1/external-reviews",
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.disputeWindowDays = disputeWindowDays
        self.externalLinkBase = externalLinkBase
        self.clock = clock
    }

    /// Reads the settings from the environment.
    /// - Throws: ``AppraisalSettingsError`` listing every invalid variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppraisalSettings {
        var problems: [String] = []
        var window = defaultDisputeWindowDays
        if let text = environment["APPRAISAL_DISPUTE_WINDOW_DAYS"], !text.isEmpty {
            if let value = Int(text), (1...180).contains(value) {
                window = value
            } else {
                problems.append("APPRAISAL_DISPUTE_WINDOW_DAYS=\(text) must be a whole number from 1 to 180")
            }
        }
        var base = "http://localhost:8083/v1/external-reviews"
        if let text = environment["APPRAISAL_EXTERNAL_LINK_BASE"], !text.isEmpty {
            if let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
                base = text.hasSuffix("/") ? String(text.dropLast()) : text
            } else {
                problems.append("APPRAISAL_EXTERNAL_LINK_BASE=\(text) must be an http or https URL")
            }
        }
        guard problems.isEmpty else { throw AppraisalSettingsError(problems: problems) }
        return AppraisalSettings(disputeWindowDays: window, externalLinkBase: base)
    }
}

/// Invalid appraisal settings, every problem listed.
public struct AppraisalSettingsError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { "invalid appraisal configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
