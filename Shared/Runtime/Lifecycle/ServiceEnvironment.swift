import Logging
import StrideKafka
import StridePostgres

/// The shared parts a service's routes and handlers work with.
public struct ServiceEnvironment: Sendable {
    /// The service's name and schema.
    public let name: String
    /// The service's database pool.
    public let pool: PostgresPool
    /// Writes events in the caller's transaction.
    public let outbox: Outbox
    /// The service's projection of the org chart.
    public let directory: OrgDirectory
    /// The service's logger.
    public let logger: Logger
}
