import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The Evidence routes.
    func registerEvidence(on api: RouterGroup<StrideRequestContext>) {}
}
