import StrideContracts
import StrideRuntime

/// The coaching service as the runtime runs it: its schema's migrations, the topic it writes,
/// and its parts made from the environment: the HTTP routes, the consumers (the goal projection
/// and nudges from `stride.goals.v1`, feedback interviews from `stride.appraisal.v1`) and the
/// org projection the runtime keeps.
public enum CoachingService {
    /// The service's definition.
    /// - Parameters:
    ///   - name: the service name and schema; `coaching` in production, unique per test run.
    ///   - settings: cadence defaults, grace, interview window, plan limits, clock.
    ///   - ready: called with the core once the environment exists (tests use it).
    public static func definition(
        name: String = "coaching", settings: CoachingSettings, ready: @escaping @Sendable (CoachingCore) -> Void = { _ in }
    ) -> ServiceDefinition {
        ServiceDefinition(name: name, migrations: CoachingMigrations.all, producedTopics: [StrideTopic.coaching.rawValue]) { environment in
            let core = CoachingCore(environment: environment, settings: settings)
            ready(core)
            return parts(of: core)
        }
    }

    /// What the service runs on top of the runtime, all working on one core.
    static func parts(of core: CoachingCore) -> ServiceParts {
        ServiceParts(
            routes: { api in CoachingRoutes(core: core).register(on: api) },
            consumers: [
                ConsumerDefinition(name: "goals", topics: [core.settings.goalsTopic], router: core.goalEvents()),
                ConsumerDefinition(name: "appraisals", topics: [core.settings.appraisalTopic], router: core.appraisalEvents()),
            ],
            employeeEventHandlers: InboxRouter(), jobs: [])
    }
}
