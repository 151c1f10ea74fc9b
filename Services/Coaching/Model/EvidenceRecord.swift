import Foundation
import StrideContracts
import StridePostgres

/// An entry of an employee's evidence journal, as stored and shown.
public struct EvidenceRecord: Encodable, Sendable, Equatable {
    public var evidenceID: String
    /// The employee it is about.
    public var employeeID: String
    /// Who wrote it: the employee or someone in their reporting line.
    public var authorID: String
    public var kind: EvidenceKind
    public var occurredOn: CalendarDate
    public var whatHappened: String
    public var impact: String
    public var linkURL: String?
    public var goalIDs: [String]
    public var competencyID: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case evidenceID = "evidence_id"
        case employeeID = "employee_id"
        case authorID = "author_id"
        case kind
        case occurredOn = "occurred_on"
        case whatHappened = "what_happened"
        case impact
        case linkURL = "link_url"
        case goalIDs = "goal_ids"
        case competencyID = "competency_id"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        evidenceID = try row.decode("evidence_id")
        employeeID = try row.decode("employee_id")
        authorID = try row.decode("author_id")
        kind = EvidenceKind(rawValue: try row.decode("kind")) ?? .other
        occurredOn = try row.decode("occurred_on")
        whatHappened = try row.decode("what_happened")
        impact = try row.decode("impact")
        linkURL = try row.decode("link_url")
        goalIDs = try row.decode("goal_ids")
        competencyID = try row.decode("competency_id")
        createdAt = try row.decode("created_at")
    }
}
