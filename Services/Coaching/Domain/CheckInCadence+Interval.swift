import StrideContracts

extension CheckInCadence {
    /// The days between two check-ins on this cadence: weekly 7, biweekly (fortnightly) 14,
    /// monthly 30.
    ///
    /// Monthly is a fixed 30 days, not a calendar month, so a due date never depends on the
    /// length of a month and a set-based SQL sweep mirrors the rule exactly with
    /// `last_on + interval_days` (PostgreSQL's `date + integer`).
    public var intervalDays: Int {
        switch self {
        case .weekly: 7
        case .biweekly: 14
        case .monthly: 30
        }
    }
}
