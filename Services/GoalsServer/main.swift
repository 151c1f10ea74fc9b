import Foundation
import Logging
import StrideGoals
import StrideRuntime

// stride-goals: the goals service. Configured by the environment (README: Configuration), it
// migrates the `goals` schema, serves the HTTP API, relays the outbox and consumes the org and
// metrics topics until SIGTERM or SIGINT, then drains and exits 0.
let configuration: StrideConfiguration
let settings: GoalsSettings
do {
    configuration = try StrideConfiguration()
    settings = try GoalsSettings.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("stride-goals: \(error)\n".utf8))
    exit(2)
}
StrideLogging.bootstrap(level: configuration.logLevel)
let logger = Logger(label: "stride.goals")

do {
    try await ServiceRunner.run(GoalsService.definition(settings: settings), configuration: configuration, logger: logger)
} catch {
    logger.critical("stride-goals failed", metadata: ["error": "\(error)"])
    exit(1)
}
