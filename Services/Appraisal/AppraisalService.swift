import StrideContracts
import StrideRuntime

/// The appraisal service as the runtime runs it: its schema's migrations, the topic it writes,
/// and its parts made from the environment: the HTTP routes, the consumers (goal attainment from
/// `stride.goals.v1`, evidence and improvement plans from `stride.coaching.v1`) and the org
/// projection the runtime keeps.
public enum AppraisalService {
    /// The service's definition.
    /// - Parameters:
    ///   - name: the service name and schema; `appraisal` in production, unique per test run.
    ///   - settings: dispute window, external link base, clock.
    ///   - ready: called with the core once the environment exists (tests use it).
    public static func definition(
        name: String = "appraisal", settings: AppraisalSettings, ready: @escaping @Sendable (AppraisalCore) -> Void = { _ in }
    ) -> ServiceDefinition {
        var definition = ServiceDefinition(
            name: name, migrations: AppraisalMigrations.all, producedTopics: [StrideTopic.appraisal.rawValue]
        ) { environment in
            let core = AppraisalCore(environment: environment, settings: settings)
            ready(core)
            return parts(of: core)
        }
        definition.employeesTopic = settings.employeesTopic
        return definition
    }

    /// What the service runs on top of the runtime, all working on one core.
    static func parts(of core: AppraisalCore) -> ServiceParts {
        ServiceParts(
            routes: { api in AppraisalRoutes(core: core).register(on: api) },
            publicRoutes: { routes in AppraisalRoutes(core: core).registerExternal(on: routes) },
            consumers: [
                ConsumerDefinition(name: "goals", topics: [core.settings.goalsTopic], router: core.goalEvents()),
                ConsumerDefinition(name: "coaching", topics: [core.settings.coachingTopic], router: core.coachingEvents()),
            ],
            employeeEventHandlers: core.employeeEvents(), jobs: [])
    }
}
