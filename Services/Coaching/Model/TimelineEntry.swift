import Foundation

/// One coaching record about an employee, as their timeline lists it: what kind of record, its
/// id (to fetch it from its own route), when it was made, and the few facts the list shows.
/// `detail` holds only what the caller may see: feedback text only where its audience allows,
/// never a note of a 1:1.
public struct TimelineEntry: Codable, Sendable, Equatable {
    /// The kinds of record, in the timeline's JSON.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case checkIn = "check_in"
        case oneOnOne = "one_on_one"
        case feedback
        case evidence
        case nudge
        case improvementPlan = "improvement_plan"
        case feedbackInterview = "feedback_interview"
    }

    public var kind: Kind
    public var recordID: String
    public var createdAt: Date
    /// A few facts of the record, as text (e.g. `held_on`, `confidence`, `status`, `goal_id`).
    public var detail: [String: String]

    enum CodingKeys: String, CodingKey {
        case kind
        case recordID = "record_id"
        case createdAt = "created_at"
        case detail
    }
}

/// Where a timeline page ends: the last entry's time (PostgreSQL's own text, so it round-trips
/// to the microsecond) and id.
struct TimelineKey: Codable, Sendable {
    var at: String
    var id: String
}
