import StrideContracts
import StrideRuntime

/// The incentives service as the runtime runs it: its schema's migrations, the topics it writes
/// (`stride.incentives.v1` and `stride.payroll.v1`), and its parts made from the environment: the
/// HTTP routes, the consumers (appraisal results from `stride.appraisal.v1`, failed improvement
/// plans from `stride.coaching.v1`) and the org projection the runtime keeps.
public enum IncentivesService {
    /// The service's definition.
    /// - Parameters:
    ///   - name: the service name and schema; `incentives` in production, unique per test run.
    ///   - settings: input topics and clock.
    ///   - ready: called with the core once the environment exists (tests use it).
    public static func definition(
        name: String = "incentives", settings: IncentivesSettings, ready: @escaping @Sendable (IncentivesCore) -> Void = { _ in }
    ) -> ServiceDefinition {
        var definition = ServiceDefinition(
            name: name, migrations: IncentivesMigrations.all,
            producedTopics: [settings.incentivesTopic, settings.payrollTopic]
        ) { environment in
            let core = IncentivesCore(environment: environment, settings: settings)
            ready(core)
            return parts(of: core)
        }
        definition.employeesTopic = settings.employeesTopic
        return definition
    }

    /// What the service runs on top of the runtime, all working on one core.
    static func parts(of core: IncentivesCore) -> ServiceParts {
        ServiceParts(
            routes: { api in IncentivesRoutes(core: core).register(on: api) },
            consumers: [
                ConsumerDefinition(name: "appraisal", topics: [core.settings.appraisalTopic], router: core.appraisalEvents()),
                ConsumerDefinition(name: "coaching", topics: [core.settings.coachingTopic], router: core.coachingEvents()),
            ],
            jobs: [])
    }
}
