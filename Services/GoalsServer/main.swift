import StrideGoals
import StrideRuntime

// stride-goals: the goals service. Configured by the environment (README: Configuration), it
// migrates the `goals` schema, serves the HTTP API, relays the outbox and consumes the org and
// metrics topics until SIGTERM or SIGINT, then drains and exits 0.
await ServiceMain.run(
    executable: "stride-goals", label: "stride.goals", settings: { try GoalsSettings.fromEnvironment() },
    definition: { GoalsService.definition(settings: $0) })
