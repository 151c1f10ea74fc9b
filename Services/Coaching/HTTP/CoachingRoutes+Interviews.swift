import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The Interviews routes.
    func registerInterviews(on api: RouterGroup<StrideRequestContext>) {}
}
