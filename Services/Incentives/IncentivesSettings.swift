import Foundation
import StrideContracts

/// The incentives service's own settings, besides the runtime's (database, broker, HTTP, JWT).
/// The rules of a compensation cycle are data that HR sends when opening it, not settings.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `INCENTIVES_SCHEMA` | `incentives` | the PostgreSQL schema, also naming the consumer groups and `ce_source` (`/stride/<schema>`): a second installation on the same database and broker takes another |
public struct IncentivesSettings: Sendable {
    /// The service's schema and name.
    public var schema: String = "incentives"
    /// Now, as the service sees it; tests and demos pin it.
    public var clock: @Sendable () -> Date
    /// Where the service reads appraisal and coaching events: the catalog's topics in
    /// production; tests give each service topics of their own.
    public var appraisalTopic: String = StrideTopic.appraisal.rawValue
    public var coachingTopic: String = StrideTopic.coaching.rawValue
    /// Where the service publishes: the catalog's `stride.incentives.v1` and `stride.payroll.v1`
    /// in production; benchmarks give a run topics of its own.
    public var incentivesTopic: String = StrideTopic.incentives.rawValue
    public var payrollTopic: String = StrideTopic.payroll.rawValue
    /// The topic of the org (`hr.employees.v1`); tests give each instance its own.
    public var employeesTopic: String = StrideTopic.employees.rawValue
    /// Events per outbox write when a bulk step (the run, an approval) announces its results,
    /// so memory is that of a chunk.
    public var chunkSize: Int = 2_000

    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// Reads the settings from the environment.
    /// - Throws: ``IncentivesSettingsError`` naming every invalid variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> IncentivesSettings {
        var settings = IncentivesSettings()
        if let schema = environment["INCENTIVES_SCHEMA"], !schema.isEmpty {
            let valid = schema.utf8.count <= 50 && schema.utf8.first.map { (97...122).contains($0) } == true
                && schema.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") }
            guard valid else {
                throw IncentivesSettingsError(problems: [
                    "INCENTIVES_SCHEMA=\(schema) must be 1 to 50 lowercase letters, digits or underscores, starting with a letter"
                ])
            }
            settings.schema = schema
        }
        return settings
    }
}

/// Invalid incentives settings, every problem listed.
public struct IncentivesSettingsError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { "invalid incentives configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
