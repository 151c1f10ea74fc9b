import Hummingbird
import StrideContracts
import StrideRuntime

/// The incentives HTTP API, under `/v1` (documented in `deploy/openapi/incentives.yaml`). Each
/// area registers its routes from its own file (`IncentivesRoutes+<Area>.swift`).
public struct IncentivesRoutes: Sendable {
    let core: IncentivesCore
    let writes: IdempotentWrites

    public init(core: IncentivesCore) {
        self.core = core
        self.writes = IdempotentWrites(schema: core.schema, pool: core.pool)
    }

    /// Adds every route to `api` (already behind authentication).
    public func register(on api: RouterGroup<StrideRequestContext>) {
        registerCycles(on: api)
        registerRecommendations(on: api)
        registerPayroll(on: api)
        registerCareers(on: api)
    }
}

/// The statuses a recommendation list may be filtered by.
enum RecommendationStatusFilter: String, CaseIterable, Sendable {
    case proposed, approved
}

/// The statuses a consequence review list may be filtered by.
enum ConsequenceStatusFilter: String, CaseIterable, Sendable {
    case open, decided
}
