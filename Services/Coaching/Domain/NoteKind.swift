import StrideRuntime

/// Who may read a 1:1 note. JSON: `shared`, `private`.
public enum NoteKind: String, Codable, Sendable, CaseIterable {
    /// Both participants, the report's reporting line and HR.
    case shared
    /// Its author only: never the other participant, the reporting line, HR, any list,
    /// timeline or event.
    case `private`

    /// Whether someone with `relation` to a note of this kind may read it.
    ///
    /// A private note is readable only by its ``ViewerRelation/author``, whatever else the
    /// viewer is (HR or a skip-level manager included). A shared note follows ``RecordAccess``.
    /// - Parameter relation: the viewer's relations to the note and the report it concerns.
    public func canSee(_ relation: ViewerRelation) -> Bool {
        switch self {
        case .private: relation.contains(.author)
        case .shared: RecordAccess.canSee(relation)
        }
    }
}

/// The rules a 1:1 note must meet.
public enum NoteRules {
    /// The longest note, in characters.
    public static let maxBodyLength = 10_000

    /// Every rule the note breaks: `.conflict` on a cancelled 1:1; the author is a participant
    /// (`author_id`, `.unprocessable`); `body` written, at most ``maxBodyLength`` (`.invalid`).
    /// - Parameters:
    ///   - body: the note.
    ///   - authorID: who writes it.
    ///   - meeting: the 1:1.
    public static func violations(body: String, authorID: String, in meeting: OneOnOne) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        do throws(CoachingRuleViolation) {
            try meeting.requireNotesOpen()
        } catch {
            found.append(error)
        }
        if meeting.participant(authorID) == nil {
            found.append(
                CoachingRuleViolation(.unprocessable, field: "author_id", "Only the manager or the report writes 1:1 notes."))
        }
        FieldChecks.requiredText(body, field: "body", name: "note", maxLength: maxBodyLength, into: &found)
        return found
    }
}
