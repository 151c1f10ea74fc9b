import StrideContracts

/// A feedback interview as the coaching API answers it, as far as the demo reads it.
struct InterviewView: Decodable, Sendable {
    var interviewID: String
    var appraisalID: String
    var employeeID: String
    var managerID: String
    /// `scheduled`, `recorded` or `completed`.
    var status: String
    var scheduledOn: CalendarDate
    var dueOn: CalendarDate

    enum CodingKeys: String, CodingKey {
        case interviewID = "interview_id"
        case appraisalID = "appraisal_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case status
        case scheduledOn = "scheduled_on"
        case dueOn = "due_on"
    }
}
