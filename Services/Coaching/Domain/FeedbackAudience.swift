import StrideContracts

/// Who may read a piece of feedback, as the giver chooses it. JSON: `recipient_only`,
/// `recipient_and_manager`, `public`.
///
/// The event contract knows two visibilities (``FeedbackVisibility``); ``contractVisibility``
/// maps the three audiences onto them; no feedback text ever leaves Coaching.
public enum FeedbackAudience: String, Codable, Sendable, CaseIterable {
    /// The recipient alone (and the giver, who wrote it).
    case recipientOnly = "recipient_only"
    /// The recipient and their direct manager (and the giver).
    case recipientAndManager = "recipient_and_manager"
    /// Everyone: the kudos wall.
    case `public`

    /// The visibility ``FeedbackGiven`` carries: `shared` for public feedback, `private` for the
    /// other two. The event never carries the text, whatever the audience: readers of the stream
    /// learn that feedback was given, not what it said.
    public var contractVisibility: FeedbackVisibility {
        switch self {
        case .recipientOnly, .recipientAndManager: .private
        case .public: .shared
        }
    }

    /// Whether someone with `relation` to the feedback may read it.
    ///
    /// The giver (``ViewerRelation/author``) always sees what they gave. Recipient-only: the
    /// recipient (``ViewerRelation/subject``). Recipient-and-manager: also the recipient's
    /// ``ViewerRelation/directManager`` — not skip-levels, not HR. Public: anyone.
    /// - Parameter relation: the viewer's relations to the feedback and its recipient.
    public func canSee(_ relation: ViewerRelation) -> Bool {
        if relation.contains(.author) { return true }
        switch self {
        case .recipientOnly: return relation.contains(.subject)
        case .recipientAndManager: return !relation.isDisjoint(with: [.subject, .directManager])
        case .public: return true
        }
    }
}
