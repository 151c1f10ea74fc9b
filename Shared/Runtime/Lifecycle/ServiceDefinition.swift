import Hummingbird
import ServiceLifecycle
import StrideContracts
import StridePostgres

/// What makes one Stride service itself: its name, its schema's migrations, the topics it
/// writes, and a factory that turns the environment the runtime builds (pool, outbox, org
/// directory, logger) into the service's parts. ``StrideServiceBuilder`` wires everything else
/// the same way for all four services, and `main`, the tests, the demo and the benchmarks all
/// build a service through it.
public struct ServiceDefinition: Sendable {
    /// Makes the service's parts once the environment exists.
    public typealias PartsFactory = @Sendable (ServiceEnvironment) throws -> ServiceParts

    /// The service's name, e.g. `goals`; also its schema, its CloudEvents source
    /// (`/stride/goals`) and the prefix of its consumer groups (`stride-goals.…`).
    public var name: String
    /// The service's own migrations, numbered from 100 (1–99 are the runtime's).
    public var migrations: [PostgresMigration]
    /// The topics the service publishes to (created at start if missing).
    public var producedTopics: [String]
    /// Makes the routes, consumers and jobs from the environment.
    public var makeParts: PartsFactory
    /// The topic the org projection reads: `hr.employees.v1`; a test or benchmark may give a
    /// service a topic of its own so that what other runs publish does not reach it.
    public var employeesTopic: String = StrideTopic.employees.rawValue

    public init(
        name: String, migrations: [PostgresMigration] = [], producedTopics: [String] = [],
        makeParts: @escaping PartsFactory = { _ in ServiceParts() }
    ) {
        self.name = name
        self.migrations = migrations
        self.producedTopics = producedTopics
        self.makeParts = makeParts
    }

    /// The schema the service owns.
    public var schema: String { name }
}

/// The parts of a service, made from its environment by ``ServiceDefinition/makeParts``.
public struct ServiceParts: Sendable {
    /// Adds the service's routes to the authenticated API group.
    public typealias Routes = @Sendable (RouterGroup<StrideRequestContext>) -> Void

    /// The routes, added under authentication.
    public var routes: Routes
    /// Routes that carry their own proof instead of a bearer token (an external reviewer's
    /// single-use link), added without authentication. Each must check its proof itself.
    public var publicRoutes: Routes
    /// The service's consumers, besides the org-directory projection every service has.
    public var consumers: [ConsumerDefinition]
    /// Extra handlers of `hr.employees.v1` events, run in the same transaction as the
    /// org-directory projection (e.g. flag a leaver's goals for reassignment).
    public var employeeEventHandlers: InboxRouter
    /// Periodic jobs, each run by one replica at a time (e.g. a sweep).
    public var jobs: [PeriodicJob.Definition]
    /// Other long-running parts, started after the consumers and stopped before them.
    public var backgroundServices: [any Service]

    public init(
        routes: @escaping Routes = { _ in }, publicRoutes: @escaping Routes = { _ in }, consumers: [ConsumerDefinition] = [],
        employeeEventHandlers: InboxRouter = InboxRouter(), jobs: [PeriodicJob.Definition] = [], backgroundServices: [any Service] = []
    ) {
        self.routes = routes
        self.publicRoutes = publicRoutes
        self.consumers = consumers
        self.employeeEventHandlers = employeeEventHandlers
        self.jobs = jobs
        self.backgroundServices = backgroundServices
    }
}

/// One inbox consumer of a service: a name (its consumer group is `stride-<service>.<name>`),
/// the topics it reads and the handlers it runs.
public struct ConsumerDefinition: Sendable {
    public var name: String
    public var topics: [String]
    public var router: InboxRouter

    public init(name: String, topics: [String], router: InboxRouter) {
        self.name = name
        self.topics = topics
        self.router = router
    }
}
