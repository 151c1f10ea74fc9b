import StrideContracts
import StrideRuntime

/// The goals service as the runtime runs it: its schema's migrations, the topics it writes, and
/// its parts made from the environment: the HTTP routes, the consumers (metric readings; leavers
/// on top of the org projection) and the pace sweep.
public enum GoalsService {
    /// The service's definition.
    /// - Parameters:
    ///   - name: the service name and schema; `goals` in production, unique per test run.
    ///   - settings: attainment policy, at-risk margin, pace sweep interval, clock.
    ///   - ready: called with the core once the environment exists (tests and the demo use it).
    public static func definition(
        name: String = "goals", settings: GoalsSettings, ready: @escaping @Sendable (GoalsCore) -> Void = { _ in }
    ) -> ServiceDefinition {
        ServiceDefinition(name: name, migrations: GoalsMigrations.all, producedTopics: [StrideTopic.goals.rawValue]) { environment in
            let core = GoalsCore(environment: environment, settings: settings)
            ready(core)
            return parts(of: core, settings: settings)
        }
    }

    /// What the service runs on top of the runtime, all working on one core.
    static func parts(of core: GoalsCore, settings: GoalsSettings) -> ServiceParts {
        var employees = InboxRouter()
        employees.on(EmployeeTerminated.self) { termination, _, connection in
            try await core.flagForReassignment(ownerID: termination.employeeID, on: connection)
        }
        employees.on(EmployeeUpserted.self) { employee, _, connection in
            if employee.status == .terminated {
                try await core.flagForReassignment(ownerID: employee.employeeID, on: connection)
            }
        }
        var metrics = InboxRouter()
        metrics.on(MetricReading.self) { reading, _, connection in
            try await core.apply(reading, on: connection)
        }
        var jobs: [PeriodicJob.Definition] = []
        if let interval = settings.paceSweepInterval {
            // Re-assesses the pace of every open period's agreed goals, so a goal nobody updates
            // still goes at risk as its period runs out; one replica per round.
            jobs.append(PeriodicJob.Definition(name: "pace-sweep", interval: interval) {
                let result = try await core.assessPaceOfOpenPeriods()
                return "assessed \(result.assessed), flagged \(result.flagged), cleared \(result.cleared)"
            })
        }
        return ServiceParts(
            routes: { api in GoalsRoutes(core: core).register(on: api) },
            consumers: [ConsumerDefinition(name: "metrics", topics: [StrideTopic.metrics.rawValue], router: metrics)],
            employeeEventHandlers: employees, jobs: jobs)
    }
}
