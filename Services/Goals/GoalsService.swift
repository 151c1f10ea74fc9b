import StrideContracts
import StrideRuntime
import ServiceLifecycle

/// The goals service as the runtime runs it: its schema's migrations, the topics it writes, its
/// consumers (metric readings; leavers on top of the org projection) and its HTTP routes.
public enum GoalsService {
    /// The service's definition.
    /// - Parameters:
    ///   - name: the service name and schema; `goals` in production, unique per test run.
    ///   - settings: attainment policy, at-risk margin, clock.
    ///   - ready: called with the core once the environment exists (tests and the demo use it).
    public static func definition(
        name: String = "goals", settings: GoalsSettings, ready: @escaping @Sendable (GoalsCore) -> Void = { _ in }
    ) -> ServiceDefinition {
        // The inbox handlers need the core, which needs the environment the builder makes;
        // they reach it through the schema-only parts that exist before (stores, directory).
        let box = CoreBox()
        var employees = InboxRouter()
        employees.on(EmployeeTerminated.self) { termination, _, connection in
            try await box.core().flagForReassignment(ownerID: termination.employeeID, on: connection)
        }
        employees.on(EmployeeUpserted.self) { employee, _, connection in
            if employee.status == .terminated {
                try await box.core().flagForReassignment(ownerID: employee.employeeID, on: connection)
            }
        }
        var metrics = InboxRouter()
        metrics.on(MetricReading.self) { reading, _, connection in
            try await box.core().apply(reading, on: connection)
        }
        return ServiceDefinition(
            name: name, migrations: GoalsMigrations.all, producedTopics: [StrideTopic.goals.rawValue],
            consumers: [ConsumerDefinition(name: "metrics", topics: [StrideTopic.metrics.rawValue], router: metrics)],
            employeeEventHandlers: employees,
            routes: { api, environment in
                let core = GoalsCore(environment: environment, settings: settings)
                box.set(core)
                GoalsRoutes(core: core).register(on: api)
                ready(core)
            },
            backgroundServices: { environment in
                guard let interval = settings.paceSweepInterval else { return [] }
                return [PaceSweepService(core: { try box.core() }, interval: interval, logger: environment.logger)]
            })
    }
}
