import Foundation
import StrideContracts
import StrideRuntime

/// The goals service as the runtime runs it: its schema's migrations, the topics it writes, and
/// its parts made from the environment: the HTTP routes, the consumers (metric readings; coaching's
/// feedback interviews, whose suggested goals become drafts; leavers and newcomers on top of the
/// org projection), the pace sweep and the job that drafts suggestions waiting for a period.
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

    /// How often suggested goals still waiting for an open period are looked at again.
    static let suggestionSweepInterval: Duration = .seconds(60)

    /// What the service runs on top of the runtime, all working on one core.
    static func parts(of core: GoalsCore, settings: GoalsSettings) -> ServiceParts {
        var employees = InboxRouter()
        employees.on(EmployeeTerminated.self) { termination, _, connection in
            try await core.flagForReassignment(ownerID: termination.employeeID, on: connection)
        }
        employees.on(EmployeeUpserted.self) { employee, _, connection in
            if employee.status == .terminated {
                try await core.flagForReassignment(ownerID: employee.employeeID, on: connection)
            } else {
                // Goals suggested for someone the projection did not know yet become drafts now.
                try await core.draftPendingSuggestions(employeeID: employee.employeeID, on: connection)
            }
        }
        var metrics = InboxRouter()
        metrics.on(MetricReading.self) { reading, _, connection in
            try await core.apply(reading, on: connection)
        }
        var coaching = InboxRouter()
        coaching.on(FeedbackInterviewCompleted.self) { interview, message, connection in
            try await core.recordSuggestions(of: interview, eventID: message.metadata.id.uuidString, on: connection)
        }
        // Suggestions that found no open period are drafted once one opens; one replica per round.
        var jobs = [
            PeriodicJob.Definition(name: "suggested-goals", interval: suggestionSweepInterval) {
                "drafted \(try await core.draftPendingSuggestions()) suggested goals"
            }
        ]
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
            consumers: [
                ConsumerDefinition(name: "metrics", topics: [StrideTopic.metrics.rawValue], router: metrics),
                ConsumerDefinition(name: "coaching", topics: [settings.coachingTopic], router: coaching),
            ],
            employeeEventHandlers: employees, jobs: jobs)
    }
}
