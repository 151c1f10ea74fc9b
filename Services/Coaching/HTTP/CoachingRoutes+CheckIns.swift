import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The CheckIns routes.
    func registerCheckIns(on api: RouterGroup<StrideRequestContext>) {}
}
