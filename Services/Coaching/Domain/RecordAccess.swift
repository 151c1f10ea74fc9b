/// Who may see and write coaching records that have no visibility of their own: check-ins,
/// 1:1 meetings and their agenda and action items, evidence, improvement plans and feedback
/// interviews. Notes and feedback carry their own rule (``NoteKind/canSee(_:)``,
/// ``FeedbackAudience/canSee(_:)``).
public enum RecordAccess {
    /// Whether `relation` may see a record about an employee: the employee, their reporting
    /// line, HR, and whoever wrote it. Everyone else gets a 404.
    /// - Parameter relation: the viewer's relations to the record.
    public static func canSee(_ relation: ViewerRelation) -> Bool {
        !relation.isDisjoint(with: [.author, .subject, .reportingLine, .hr])
    }

    /// Whether `relation` may write an evidence journal entry about an employee: the employee
    /// or their reporting line. HR reads evidence but does not write it: the journal records
    /// what the people doing and leading the work observed.
    /// - Parameter relation: the would-be author's relations to the employee.
    public static func canWriteEvidence(_ relation: ViewerRelation) -> Bool {
        !relation.isDisjoint(with: [.subject, .reportingLine])
    }
}
