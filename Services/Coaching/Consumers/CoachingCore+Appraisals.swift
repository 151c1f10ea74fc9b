import StrideContracts
import StrideRuntime

extension CoachingCore {
    /// What coaching does with `stride.appraisal.v1`: a finalized appraisal schedules its
    /// feedback interview.
    func appraisalEvents() -> InboxRouter {
        InboxRouter()
    }
}
