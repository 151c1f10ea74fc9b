import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

/// The goals service's use cases over its stores, the org directory and the outbox: what the
/// HTTP routes and the event handlers call. Each write runs in one transaction that also writes
/// its events to the outbox and its audit rows.
public struct GoalsCore: Sendable {
    public let pool: PostgresPool
    public let outbox: Outbox
    public let directory: OrgDirectory
    public let settings: GoalsSettings
    public let logger: Logger
    let goals: GoalStore
    let periods: PeriodStore
    let progress: ProgressStore
    let audit: AuditTrail
    let templates: TemplateStore
    let access: GoalAccess

    /// Builds the core on a service's environment.
    public init(environment: ServiceEnvironment, settings: GoalsSettings) {
        self.init(
            schema: environment.name, pool: environment.pool, outbox: environment.outbox, directory: environment.directory,
            settings: settings, logger: environment.logger)
    }

    public init(schema: String, pool: PostgresPool, outbox: Outbox, directory: OrgDirectory, settings: GoalsSettings, logger: Logger) {
        self.pool = pool
        self.outbox = outbox
        self.directory = directory
        self.settings = settings
        self.logger = logger
        goals = GoalStore(schema: schema)
        periods = PeriodStore(schema: schema)
        progress = ProgressStore(schema: schema)
        audit = AuditTrail(schema: schema)
        templates = TemplateStore(schema: schema)
        access = GoalAccess(directory: directory)
    }

    /// Today, as the service's clock says.
    var today: CalendarDate { CalendarDate(utc: settings.clock()) }

    /// The open period `periodID`, share-locked so it cannot close under the caller's write.
    /// - Parameter field: the body field that named it; nil when the URL did.
    /// - Throws: 400 naming `field` (404 for a period in the URL) when it does not exist, 409 when it is closed.
    func openPeriod(_ periodID: String, field: String? = "period_id", on connection: PostgresConnection) async throws -> GoalPeriod {
        guard let period = try await periods.period(periodID, on: connection) else {
            guard let field else { throw Problem.notFound("No goal period \(periodID).") }
            throw Problem.validation(field: field, "No goal period \(periodID).")
        }
        guard period.status == .open else { throw Problem.conflict("Goal period \(period.name) is closed; its goals are frozen.") }
        return period
    }

    /// The goal `goalID` locked for update with its period share-locked, provided `principal` may
    /// see it. A goal that is not frozen is in an open period: close freezes them all under the
    /// period's lock.
    /// - Throws: 404 when missing or invisible, 409 when frozen.
    ///
    /// Locks in the one order every writer uses, period (shared) before goal, so a write racing a
    /// period close waits for it instead of deadlocking with it.
    func lockedGoal(
        _ goalID: String, for principal: Principal, on connection: PostgresConnection
    ) async throws -> (goal: Goal, period: GoalPeriod) {
        guard let (goal, period) = try await goals.lockedWithPeriod(goalID, periods: periods, on: connection) else {
            throw Problem.notFound("No goal \(goalID) is visible to you.")
        }
        try await access.requireVisible(goal, to: principal, on: connection)
        guard !goal.frozen else { throw Problem.conflict("Goal \(goalID) belongs to a closed period and is frozen.") }
        return (goal, period)
    }
}
