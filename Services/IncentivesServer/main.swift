import StrideIncentives
import StrideRuntime

// stride-incentives: the incentives service. Configured by the environment (README: Configuration),
// it migrates the `incentives` schema, serves the HTTP API, relays the outbox (to
// stride.incentives.v1 and stride.payroll.v1) and consumes the org, appraisal and coaching topics
// until SIGTERM or SIGINT, then drains and exits 0.
await ServiceMain.run(
    executable: "stride-incentives", label: "stride.incentives", settings: { try IncentivesSettings.fromEnvironment() },
    definition: { IncentivesService.definition(name: $0.schema, settings: $0) })
