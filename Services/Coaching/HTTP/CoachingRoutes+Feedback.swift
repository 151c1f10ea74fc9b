import Hummingbird
import StrideRuntime

extension CoachingRoutes {
    /// The Feedback routes.
    func registerFeedback(on api: RouterGroup<StrideRequestContext>) {}
}
