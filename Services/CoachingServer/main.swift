import StrideCoaching
import StrideRuntime

// stride-coaching: the coaching service. Configured by the environment (README: Configuration),
// it migrates the `coaching` schema, serves the HTTP API, relays the outbox and consumes the org,
// goals and appraisal topics until SIGTERM or SIGINT, then drains and exits 0.
await ServiceMain.run(
    executable: "stride-coaching", label: "stride.coaching", settings: { try CoachingSettings.fromEnvironment() },
    definition: { CoachingService.definition(settings: $0) })
