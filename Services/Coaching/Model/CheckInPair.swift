import StrideContracts
import StridePostgres

/// A manager–report pair's row in `check_in_cadences`: who checks in with whom, how often, since
/// when, and when the next check-in falls due.
struct CheckInPair: Sendable, Equatable {
    var employeeID: String
    var managerID: String
    var cadence: CheckInCadence
    /// The day the pair began (first use, or the day the employee's manager changed).
    var startedOn: CalendarDate
    var lastCheckInOn: CalendarDate?
    /// `CheckInSchedule.dueOn(after: anchor)`, kept on the row so the sweep is one index range.
    var nextDueOn: CalendarDate

    init(
        employeeID: String, managerID: String, cadence: CheckInCadence, startedOn: CalendarDate,
        lastCheckInOn: CalendarDate?, nextDueOn: CalendarDate
    ) {
        self.employeeID = employeeID
        self.managerID = managerID
        self.cadence = cadence
        self.startedOn = startedOn
        self.lastCheckInOn = lastCheckInOn
        self.nextDueOn = nextDueOn
    }

    init(row: PostgresRow) throws {
        employeeID = try row.decode("employee_id")
        managerID = try row.decode("manager_id")
        cadence = CheckInCadence(rawValue: try row.decode("cadence")) ?? .biweekly
        startedOn = try row.decode("started_on")
        lastCheckInOn = try row.decode("last_check_in_on")
        nextDueOn = try row.decode("next_due_on")
    }

    /// The day the schedule runs from (the domain's rule).
    var anchor: CalendarDate { CheckInSchedule.anchor(lastCheckInOn: lastCheckInOn, pairStartedOn: startedOn) }

    /// The pair after `change`, with its next due date recomputed by `schedule(cadence)`.
    func rescheduled(with schedule: (CheckInCadence) -> CheckInSchedule, _ change: (inout CheckInPair) -> Void) -> CheckInPair {
        var next = self
        change(&next)
        next.nextDueOn = schedule(next.cadence).dueOn(after: next.anchor)
        return next
    }
}
