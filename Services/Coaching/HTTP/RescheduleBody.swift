import StrideContracts

/// `POST /v1/one-on-ones/{meetingID}/reschedule` and `POST /v1/feedback-interviews/{interviewID}/reschedule`:
/// `{"scheduled_on": "2026-07-09"}`.
struct RescheduleBody: Decodable {
    var scheduledOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case scheduledOn = "scheduled_on"
    }
}
