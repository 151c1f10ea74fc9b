import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The ImprovementPlans routes.
    func registerImprovementPlans(on api: RouterGroup<StrideRequestContext>) {}
}
