/// Where a manager–report pair stands against its check-in cadence on a given day.
public enum CheckInStanding: Sendable, Hashable {
    /// The next check-in is not due yet; it falls due in this many days (at least 1).
    case notDue(daysUntilDue: Int)
    /// The check-in is due: from its due date up to the end of the grace days (0 on the due date).
    case due(daysPastDue: Int)
    /// The check-in is overdue: more than the grace days past its due date.
    case overdue(daysPastDue: Int)

    /// Whether a check-in should happen now (due or overdue).
    public var isDue: Bool {
        if case .notDue = self { return false }
        return true
    }

    /// Whether the check-in is late beyond the grace days.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }
}
