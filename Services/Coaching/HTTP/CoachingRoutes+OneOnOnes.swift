import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The 1:1 routes.
    func registerOneOnOnes(on api: RouterGroup<StrideRequestContext>) {}
}
