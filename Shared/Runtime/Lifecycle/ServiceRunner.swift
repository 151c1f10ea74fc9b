import Logging
import ServiceLifecycle
import UnixSignals

/// Runs a service the way its executable does: built by ``StrideServiceBuilder``, stopped
/// gracefully on SIGTERM or SIGINT, and always within the shutdown grace of the shipped manifests.
public enum ServiceRunner {
    /// How long the graceful part of a shutdown may take before the remaining work is cancelled.
    /// With ``cancellationLimit`` it stays inside the 30 s grace of the shipped systemd unit and
    /// Kubernetes manifest; each part bounds its own waits well below it.
    public static let gracefulShutdownLimit: Duration = .seconds(20)
    /// How long cancelled work may take before the process gives up on it.
    public static let cancellationLimit: Duration = .seconds(5)

    /// Builds and runs the service until a signal stops it.
    /// - Throws: what building the service throws (database unreachable, migration failed…) or
    ///   what a part throws when it fails.
    public static func run(_ definition: ServiceDefinition, configuration: StrideConfiguration, logger: Logger) async throws {
        let (application, _) = try await StrideServiceBuilder.build(definition, configuration: configuration, logger: logger)
        var group = ServiceGroupConfiguration(
            services: [.init(service: application)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = gracefulShutdownLimit
        group.maximumCancellationDuration = cancellationLimit
        try await ServiceGroup(configuration: group).run()
        logger.info("stopped")
    }
}
