import Hummingbird
import StrideRuntime

/// The appraisal HTTP API, under `/v1` (documented in `deploy/openapi/appraisal.yaml`). Each
/// area registers its routes from its own file (`AppraisalRoutes+<Area>.swift`).
public struct AppraisalRoutes: Sendable {
    let core: AppraisalCore
    let writes: IdempotentWrites

    public init(core: AppraisalCore) {
        self.core = core
        self.writes = IdempotentWrites(schema: core.schema, pool: core.pool)
    }

    /// Adds every route to `api` (already behind authentication).
    public func register(on api: RouterGroup<StrideRequestContext>) {
        registerLibrary(on: api)
        registerCycles(on: api)
        registerReviews(on: api)
        registerAppraisals(on: api)
        registerCalibration(on: api)
        registerDisputes(on: api)
        registerNominations(on: api)
    }
}
