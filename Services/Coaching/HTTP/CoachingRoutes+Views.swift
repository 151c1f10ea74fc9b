import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The Views routes.
    func registerViews(on api: RouterGroup<StrideRequestContext>) {}
}
