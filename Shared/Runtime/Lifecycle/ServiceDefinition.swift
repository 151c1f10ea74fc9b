import Hummingbird
import ServiceLifecycle
import StridePostgres

/// What makes one Stride service itself: its name, its schema's migrations, what it consumes
/// and its HTTP routes. ``StrideServiceBuilder`` wires everything else the same way for all four.
public struct ServiceDefinition: Sendable {
    /// Adds the service's routes to the authenticated API group.
    public typealias Routes = @Sendable (RouterGroup<StrideRequestContext>, ServiceEnvironment) -> Void

    /// The service's name, e.g. `goals`; also its schema, its CloudEvents source
    /// (`/stride/goals`) and the prefix of its consumer groups (`stride-goals.…`).
    public var name: String
    /// The service's own migrations, numbered from 100 (1–99 are the runtime's).
    public var migrations: [PostgresMigration]
    /// The topics the service publishes to (created at start if missing).
    public var producedTopics: [String]
    /// The service's consumers, besides the org-directory projection every service has.
    public var consumers: [ConsumerDefinition]
    /// Extra handlers of `hr.employees.v1` events, run in the same transaction as the
    /// org-directory projection (e.g. flag a leaver's goals for reassignment).
    public var employeeEventHandlers: InboxRouter
    /// The routes, added under authentication.
    public var routes: Routes
    /// Long-running jobs of the service (e.g. a periodic sweep), started after the consumers and
    /// stopped before them on shutdown.
    public var backgroundServices: @Sendable (ServiceEnvironment) -> [any Service]

    public init(
        name: String, migrations: [PostgresMigration] = [], producedTopics: [String] = [],
        consumers: [ConsumerDefinition] = [], employeeEventHandlers: InboxRouter = InboxRouter(),
        routes: @escaping Routes = { _, _ in },
        backgroundServices: @escaping @Sendable (ServiceEnvironment) -> [any Service] = { _ in [] }
    ) {
        self.backgroundServices = backgroundServices
        self.name = name
        self.migrations = migrations
        self.producedTopics = producedTopics
        self.consumers = consumers
        self.employeeEventHandlers = employeeEventHandlers
        self.routes = routes
    }

    /// The schema the service owns.
    public var schema: String { name }
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
