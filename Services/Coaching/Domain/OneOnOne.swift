import StrideContracts
import StrideRuntime

/// A 1:1 meeting between a manager and one report: the state machine scheduled → completed /
/// cancelled, and what each state allows.
///
/// Every change is a `mutating` method that either applies or throws a ``CoachingRuleViolation``
/// of kind `.conflict` (the meeting's state does not allow it) or `.invalid` (a field is wrong),
/// leaving the value unchanged.
public struct OneOnOne: Sendable, Hashable {
    /// The longest a 1:1 may last, in minutes.
    public static let maxDurationMinutes = 480

    /// The meeting.
    public let meetingID: String
    /// The manager.
    public let managerID: String
    /// The report.
    public let employeeID: String
    /// The planned day.
    public private(set) var scheduledOn: CalendarDate
    /// Where the meeting is.
    public private(set) var status: OneOnOneStatus
    /// The day it was held, once completed.
    public private(set) var heldOn: CalendarDate?
    /// How long it lasted, once completed.
    public private(set) var durationMinutes: Int?

    /// A meeting as stored (any state).
    /// - Parameters:
    ///   - meetingID: the meeting.
    ///   - managerID: the manager.
    ///   - employeeID: the report.
    ///   - scheduledOn: the planned day.
    ///   - status: its state.
    ///   - heldOn: the day held, when completed.
    ///   - durationMinutes: the length, when completed.
    public init(
        meetingID: String, managerID: String, employeeID: String, scheduledOn: CalendarDate,
        status: OneOnOneStatus = .scheduled, heldOn: CalendarDate? = nil, durationMinutes: Int? = nil
    ) {
        self.meetingID = meetingID
        self.managerID = managerID
        self.employeeID = employeeID
        self.scheduledOn = scheduledOn
        self.status = status
        self.heldOn = heldOn
        self.durationMinutes = durationMinutes
    }

    /// Which side `actorID` is on, or `nil` when they are not in the meeting.
    /// - Parameter actorID: the person.
    public func participant(_ actorID: String) -> OneOnOneParticipant? {
        if actorID == managerID { return .manager }
        if actorID == employeeID { return .employee }
        return nil
    }

    /// Whether agenda items and action items may be added or removed: only while scheduled.
    public var acceptsAgendaChanges: Bool { status == .scheduled }

    /// Whether notes may be written: while scheduled and after completion (notes are often
    /// written up afterwards), never on a cancelled meeting.
    public var acceptsNotes: Bool { status != .cancelled }

    /// Marks the meeting held.
    /// - Parameters:
    ///   - heldOn: the day it took place; not after `today`. JSON: `held_on`.
    ///   - durationMinutes: 1 to ``maxDurationMinutes``. JSON: `duration_minutes`.
    ///   - today: the day of the request.
    /// - Throws: `.conflict` unless scheduled; otherwise the first of
    ///   ``OneOnOneRules/completionViolations(heldOn:durationMinutes:today:)``.
    public mutating func complete(
        heldOn: CalendarDate, durationMinutes: Int, today: CalendarDate
    ) throws(CoachingRuleViolation) {
        try requireScheduled(to: "completed")
        if let first = OneOnOneRules.completionViolations(
            heldOn: heldOn, durationMinutes: durationMinutes, today: today
        ).first {
            throw first
        }
        status = .completed
        self.heldOn = heldOn
        self.durationMinutes = durationMinutes
    }

    /// Calls the meeting off.
    /// - Throws: `.conflict` unless scheduled.
    public mutating func cancel() throws(CoachingRuleViolation) {
        try requireScheduled(to: "cancelled")
        status = .cancelled
    }

    /// Moves the meeting to another day.
    /// - Parameters:
    ///   - day: the new day; from `today` to ``OneOnOneRules/maxDaysAhead`` days ahead. JSON: `scheduled_on`.
    ///   - today: the day of the request.
    /// - Throws: `.conflict` unless scheduled; `.invalid` on `scheduled_on` for a past day or one too far ahead.
    public mutating func reschedule(to day: CalendarDate, today: CalendarDate) throws(CoachingRuleViolation) {
        try requireScheduled(to: "rescheduled")
        if let violation = OneOnOneRules.schedulingDayViolation(day, today: today) { throw violation }
        scheduledOn = day
    }

    /// Throws `.conflict` unless the agenda and action items may change.
    /// - Parameter what: what the caller wants to change, e.g. `"agenda items"`.
    public func requireAgendaOpen(for what: String) throws(CoachingRuleViolation) {
        guard acceptsAgendaChanges else {
            throw CoachingRuleViolation(.conflict, "A \(status.rawValue) 1:1 takes no more \(what).")
        }
    }

    /// Throws `.conflict` unless notes may be written.
    public func requireNotesOpen() throws(CoachingRuleViolation) {
        guard acceptsNotes else {
            throw CoachingRuleViolation(.conflict, "A cancelled 1:1 takes no notes.")
        }
    }

    private func requireScheduled(to action: String) throws(CoachingRuleViolation) {
        guard status == .scheduled else {
            throw CoachingRuleViolation(.conflict, "A \(status.rawValue) 1:1 cannot be \(action).")
        }
    }
}
