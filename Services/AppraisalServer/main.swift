import StrideAppraisal
import StrideRuntime

// stride-appraisal: the appraisal service. Configured by the environment (README: Configuration),
// it migrates the `appraisal` schema, serves the HTTP API, relays the outbox and consumes the org,
// goals and coaching topics until SIGTERM or SIGINT, then drains and exits 0.
await ServiceMain.run(
    executable: "stride-appraisal", label: "stride.appraisal", settings: { try AppraisalSettings.fromEnvironment() },
    definition: { AppraisalService.definition(settings: $0) })
