import Foundation
import Logging

/// What every service's executable does, so each `main.swift` is one call: read the runtime's
/// configuration and the service's own settings from the environment (exit 2 naming every
/// problem when they are invalid), start JSON logging, run the service until SIGTERM or SIGINT
/// (exit 0 after draining), or exit 1 when it fails.
public enum ServiceMain {
    /// Runs the service `definition` makes from its settings.
    /// - Parameters:
    ///   - executable: the executable's name, for messages (`stride-goals`).
    ///   - label: the logger label (`stride.goals`).
    ///   - settings: reads the service's own settings from the environment.
    ///   - definition: the service, given its settings.
    public static func run<Settings>(
        executable: String, label: String, settings: () throws -> Settings, definition: (Settings) -> ServiceDefinition
    ) async -> Never {
        let configuration: StrideConfiguration
        let serviceSettings: Settings
        do {
            configuration = try StrideConfiguration()
            serviceSettings = try settings()
        } catch {
            FileHandle.standardError.write(Data("\(executable): \(error)\n".utf8))
            exit(2)
        }
        StrideLogging.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: label)
        do {
            try await ServiceRunner.run(definition(serviceSettings), configuration: configuration, logger: logger)
        } catch {
            logger.critical("\(executable) failed", metadata: ["error": "\(error)"])
            exit(1)
        }
        exit(0)
    }
}
