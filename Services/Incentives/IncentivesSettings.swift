import Foundation
import StrideContracts

/// The incentives service's own settings, besides the runtime's (database, broker, HTTP, JWT).
/// It has no environment variables of its own yet: the rules of a compensation cycle are data
/// that HR sends when opening it.
public struct IncentivesSettings: Sendable {
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

    /// Reads the settings from the environment (nothing of its own yet).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> IncentivesSettings {
        IncentivesSettings()
    }
}
