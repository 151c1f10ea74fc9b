import StrideContracts

/// An employee's check-in as submitted: what moved, what blocks them, how confident they are,
/// and which goals they talked about.
public struct CheckInSubmission: Sendable, Hashable {
    /// The day the check-in took place. JSON: `held_on`.
    public var heldOn: CalendarDate
    /// What moved since the last check-in. JSON: `what_moved`.
    public var whatMoved: String
    /// Blockers, one line each (the event publishes only their count). JSON: `blockers`.
    public var blockers: [String]
    /// Confidence in reaching their goals, 1 (low) to 5 (high). JSON: `confidence`.
    public var confidence: Int
    /// The goals discussed. JSON: `goal_ids`.
    public var goalIDs: [String]

    /// Creates a submission.
    /// - Parameters:
    ///   - heldOn: the day of the check-in.
    ///   - whatMoved: what moved.
    ///   - blockers: blockers, one line each.
    ///   - confidence: 1 to 5.
    ///   - goalIDs: the goals discussed.
    public init(heldOn: CalendarDate, whatMoved: String, blockers: [String], confidence: Int, goalIDs: [String]) {
        self.heldOn = heldOn
        self.whatMoved = whatMoved
        self.blockers = blockers
        self.confidence = confidence
        self.goalIDs = goalIDs
    }
}
