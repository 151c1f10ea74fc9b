import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

/// The incentives service's use cases over its schema, the org directory and the outbox: what
/// the HTTP routes and the event handlers call. Each write runs in one transaction that also
/// writes its events to the outbox and its audit rows.
public struct IncentivesCore: Sendable {
    public let pool: PostgresPool
    public let outbox: Outbox
    public let directory: OrgDirectory
    public let settings: IncentivesSettings
    public let logger: Logger
    /// The service's schema (`incentives` in production, unique per test run).
    public let schema: String
    let access: OrgAccess

    /// Builds the core on a service's environment.
    public init(environment: ServiceEnvironment, settings: IncentivesSettings) {
        pool = environment.pool
        outbox = environment.outbox
        directory = environment.directory
        logger = environment.logger
        schema = environment.name
        self.settings = settings
        access = OrgAccess(directory: environment.directory)
    }

    /// Now, as the service's clock says.
    var now: Date { settings.clock() }

    /// Today (UTC), as the service's clock says.
    var today: CalendarDate { CalendarDate(utc: settings.clock()) }

    /// A new time-ordered id, so keyset pages over ids list records oldest first.
    func newID() -> String { TimeOrderedID.make(now: now) }

    var cycles: CompCycleStore { CompCycleStore(schema: schema) }
    var recommendations: RecommendationStore { RecommendationStore(schema: schema) }
    var changes: CompensationChangeStore { CompensationChangeStore(schema: schema) }
    var careers: CareerStore { CareerStore(schema: schema) }
}
