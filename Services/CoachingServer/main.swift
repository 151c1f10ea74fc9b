import Foundation
import Logging
import StrideCoaching
import StrideRuntime

// stride-coaching: the coaching service. Configured by the environment (README: Configuration),
// it migrates the `coaching` schema, serves the HTTP API, relays the outbox and consumes the org,
// goals and appraisal topics until SIGTERM or SIGINT, then drains and exits 0.
let configuration: StrideConfiguration
let settings: CoachingSettings
do {
    configuration = try StrideConfiguration()
    settings = try CoachingSettings.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("stride-coaching: \(error)\n".utf8))
    exit(2)
}
StrideLogging.bootstrap(level: configuration.logLevel)
let logger = Logger(label: "stride.coaching")

do {
    try await ServiceRunner.run(CoachingService.definition(settings: settings), configuration: configuration, logger: logger)
} catch {
    logger.critical("stride-coaching failed", metadata: ["error": "\(error)"])
    exit(1)
}
