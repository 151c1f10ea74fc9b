import StrideContracts

/// An entry for an employee's evidence journal: a dated, objective record of performance.
public struct EvidenceEntry: Sendable, Hashable {
    /// What kind of record it is. JSON: `kind`.
    public var kind: EvidenceKind
    /// The day it happened. JSON: `occurred_on`.
    public var occurredOn: CalendarDate
    /// What happened, factually (the event's `summary`). JSON: `what_happened`.
    public var whatHappened: String
    /// The impact it had. JSON: `impact`.
    public var impact: String
    /// A link to the record (ticket, document), `https` only. JSON: `link_url`.
    public var linkURL: String?
    /// The goals it concerns; the first is the one ``EvidenceLogged`` carries. JSON: `goal_ids`.
    public var goalIDs: [String]
    /// The competency it shows, if any. JSON: `competency_id`.
    public var competencyID: String?

    /// Creates an entry.
    /// - Parameters:
    ///   - kind: what kind of record.
    ///   - occurredOn: the day it happened.
    ///   - whatHappened: what happened.
    ///   - impact: the impact.
    ///   - linkURL: an `https` link.
    ///   - goalIDs: the goals it concerns, the main one first.
    ///   - competencyID: the competency it shows.
    public init(
        kind: EvidenceKind, occurredOn: CalendarDate, whatHappened: String, impact: String, linkURL: String? = nil,
        goalIDs: [String] = [], competencyID: String? = nil
    ) {
        self.kind = kind
        self.occurredOn = occurredOn
        self.whatHappened = whatHappened
        self.impact = impact
        self.linkURL = linkURL
        self.goalIDs = goalIDs
        self.competencyID = competencyID
    }

    /// The goal ``EvidenceLogged`` carries: the first one listed, if any (the event has room for one).
    public var primaryGoalID: String? { goalIDs.first }
}
