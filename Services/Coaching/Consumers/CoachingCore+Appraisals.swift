import StrideContracts
import StrideRuntime

extension CoachingCore {
    /// What coaching does with `stride.appraisal.v1`: a finalized appraisal schedules its
    /// feedback interview (one per appraisal, whatever how often the event arrives).
    func appraisalEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(AppraisalFinalized.self) { event, message, connection in
            try await scheduleInterview(for: event, at: message.metadata.time, on: connection)
        }
        return router
    }
}
