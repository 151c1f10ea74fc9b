import Hummingbird
import StrideRuntime

/// The coaching HTTP API, under `/v1` (documented in `deploy/openapi/coaching.yaml`). Each area
/// registers its routes from its own file (`CoachingRoutes+<Area>.swift`).
public struct CoachingRoutes: Sendable {
    let core: CoachingCore
    let writes: IdempotentWrites

    public init(core: CoachingCore) {
        self.core = core
        self.writes = IdempotentWrites(schema: core.schema, pool: core.pool)
    }

    /// Adds every route to `api` (already behind authentication); service tokens may only read.
    public func register(on authenticated: RouterGroup<StrideRequestContext>) {
        let api = authenticated.group().add(middleware: ServiceTokensReadOnly())
        registerGoals(on: api)
        registerCheckIns(on: api)
        registerOneOnOnes(on: api)
        registerFeedback(on: api)
        registerEvidence(on: api)
        registerImprovementPlans(on: api)
        registerInterviews(on: api)
        registerViews(on: api)
    }
}
