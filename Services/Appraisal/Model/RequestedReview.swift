import StrideContracts
import StridePostgres

/// A review request as the bulk statements return it: enough to announce it.
struct RequestedReview: Sendable {
    var reviewID: String
    var employeeID: String
    var reviewerID: String
    var group: RaterGroup
    var dueOn: CalendarDate

    init(row: PostgresRow) throws {
        reviewID = try row.decode("review_id")
        employeeID = try row.decode("employee_id")
        reviewerID = try row.decode("reviewer_id")
        group = RaterGroup(rawValue: try row.decode("rater_group")) ?? .peer
        dueOn = try row.decode("due_on")
    }
}
