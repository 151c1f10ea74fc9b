import StrideCoaching
import StrideContracts
import Testing

/// Every single relation, and a few combinations people really hold.
private let viewers: [(String, ViewerRelation)] = [
    ("author", .author),
    ("subject", .subject),
    ("direct manager", [.directManager, .reportingLine]),
    ("skip-level manager", .reportingLine),
    ("HR", .hr),
    ("HR who is also the skip-level", [.hr, .reportingLine]),
    ("someone else", .none),
]

@Suite("Who sees what")
struct VisibilityTests {
    @Test("a private note is seen by its author only, whoever else the viewer is", arguments: viewers)
    func privateNote(name: String, relation: ViewerRelation) {
        #expect(NoteKind.private.canSee(relation) == (name == "author"))
        #expect(NoteKind.private.canSee(relation.union(.author)))
    }

    @Test("a private note is hidden from HR, managers and the other participant")
    func privateNoteNeverLeaks() {
        #expect(!NoteKind.private.canSee([.hr, .directManager, .reportingLine, .subject]))
    }

    @Test("a shared note is seen by the author, the report, the reporting line and HR", arguments: viewers)
    func sharedNote(name: String, relation: ViewerRelation) {
        #expect(NoteKind.shared.canSee(relation) == (name != "someone else"))
    }

    @Test(
        "recipient-only feedback: the giver and the recipient",
        arguments: viewers)
    func recipientOnly(name: String, relation: ViewerRelation) {
        #expect(FeedbackAudience.recipientOnly.canSee(relation) == ["author", "subject"].contains(name))
    }

    @Test(
        "recipient-and-manager feedback: the giver, the recipient and their direct manager; not skip-levels or HR",
        arguments: viewers)
    func recipientAndManager(name: String, relation: ViewerRelation) {
        #expect(
            FeedbackAudience.recipientAndManager.canSee(relation)
                == ["author", "subject", "direct manager"].contains(name))
    }

    @Test("public feedback: everyone", arguments: viewers)
    func publicFeedback(name: String, relation: ViewerRelation) {
        #expect(FeedbackAudience.public.canSee(relation))
    }

    @Test("the audience maps onto the contract's visibility; only public feedback is shared")
    func contractVisibility() {
        #expect(FeedbackAudience.recipientOnly.contractVisibility == .private)
        #expect(FeedbackAudience.recipientAndManager.contractVisibility == .private)
        #expect(FeedbackAudience.public.contractVisibility == .shared)
        #expect(FeedbackAudience.allCases.map(\.rawValue) == ["recipient_only", "recipient_and_manager", "public"])
    }

    @Test("other records: the employee, the reporting line, HR and the author; nobody else", arguments: viewers)
    func records(name: String, relation: ViewerRelation) {
        #expect(RecordAccess.canSee(relation) == (name != "someone else"))
    }

    @Test("evidence is written by the employee or their reporting line, not HR or others")
    func evidenceWriters() {
        #expect(RecordAccess.canWriteEvidence(.subject))
        #expect(RecordAccess.canWriteEvidence(.reportingLine))
        #expect(RecordAccess.canWriteEvidence([.directManager, .reportingLine]))
        #expect(!RecordAccess.canWriteEvidence(.hr))
        #expect(!RecordAccess.canWriteEvidence(.author))
        #expect(!RecordAccess.canWriteEvidence(.none))
    }
}
