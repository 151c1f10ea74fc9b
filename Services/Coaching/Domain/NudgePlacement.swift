import StrideContracts

/// Where a nudge's agenda item goes.
public enum NudgePlacement: Sendable, Hashable {
    /// Onto this already scheduled 1:1.
    case existing(meetingID: String)
    /// Onto a new 1:1 to be scheduled on this day.
    case newMeeting(on: CalendarDate)

    /// The lead time of a 1:1 created for a nudge, in days.
    public static let defaultLeadDays = 2

    /// Chooses the 1:1 for a nudge about a report's goal: the pair's earliest scheduled 1:1 from
    /// `today` to `today + cadence.intervalDays`; when none is scheduled within the cadence, a new
    /// 1:1 in `leadDays` days (never later than the cadence allows).
    /// - Parameters:
    ///   - managerID: the manager being nudged.
    ///   - employeeID: the goal's owner.
    ///   - meetings: 1:1s (others than this pair's, or not scheduled, are ignored).
    ///   - cadence: the pair's check-in cadence.
    ///   - today: the day of the nudge.
    ///   - leadDays: how soon a new 1:1 is planned; at least 0.
    public static func choose(
        managerID: String, employeeID: String, meetings: [OneOnOne], cadence: CheckInCadence, today: CalendarDate,
        leadDays: Int = defaultLeadDays
    ) -> NudgePlacement {
        let horizon = today.adding(days: cadence.intervalDays)
        let candidate =
            meetings
            .filter {
                $0.status == .scheduled && $0.managerID == managerID && $0.employeeID == employeeID
                    && $0.scheduledOn >= today && $0.scheduledOn <= horizon
            }
            .min { ($0.scheduledOn, $0.meetingID) < ($1.scheduledOn, $1.meetingID) }
        if let candidate { return .existing(meetingID: candidate.meetingID) }
        return .newMeeting(on: today.adding(days: min(max(0, leadDays), cadence.intervalDays)))
    }
}
