import StrideContracts
import StrideRuntime

/// The rules for scheduling a 1:1 and for recording that it was held.
public enum OneOnOneRules {
    /// How far ahead a 1:1 may be planned: a year (later dates are mistakes).
    public static let maxDaysAhead = 366

    /// The rule for the day of a 1:1 being planned or moved (`.invalid` on `scheduled_on`): from
    /// `today` to ``maxDaysAhead`` days after it.
    public static func schedulingDayViolation(_ day: CalendarDate, today: CalendarDate) -> CoachingRuleViolation? {
        if day < today {
            return CoachingRuleViolation(.invalid, field: "scheduled_on", "A 1:1 cannot be scheduled in the past (\(day)).")
        }
        if DayDistance.days(from: today, to: day) > maxDaysAhead {
            return CoachingRuleViolation(
                .invalid, field: "scheduled_on", "A 1:1 is planned at most \(maxDaysAhead) days ahead; \(day) is too far.")
        }
        return nil
    }

    /// Every rule a new 1:1 breaks: `employee_id` must differ from the manager (`.unprocessable`),
    /// `scheduled_on` from `today` to ``maxDaysAhead`` days ahead (`.invalid`).
    /// - Parameters:
    ///   - managerID: the manager.
    ///   - employeeID: the report.
    ///   - scheduledOn: the planned day.
    ///   - today: the day of the request.
    public static func schedulingViolations(
        managerID: String, employeeID: String, scheduledOn: CalendarDate, today: CalendarDate
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if managerID == employeeID {
            found.append(CoachingRuleViolation(.unprocessable, field: "employee_id", "A 1:1 needs two people."))
        }
        if let violation = schedulingDayViolation(scheduledOn, today: today) { found.append(violation) }
        return found
    }

    /// Every rule a completion breaks, each `.invalid`: `held_on` not after `today`,
    /// `duration_minutes` from 1 to ``OneOnOne/maxDurationMinutes``.
    /// - Parameters:
    ///   - heldOn: the day it took place.
    ///   - durationMinutes: its length.
    ///   - today: the day of the request.
    public static func completionViolations(
        heldOn: CalendarDate, durationMinutes: Int, today: CalendarDate
    ) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if heldOn > today {
            found.append(
                CoachingRuleViolation(.invalid, field: "held_on", "A 1:1 is completed after it is held; \(heldOn) is in the future."))
        }
        if !(1...OneOnOne.maxDurationMinutes).contains(durationMinutes) {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "duration_minutes",
                    "A 1:1 lasts 1 to \(OneOnOne.maxDurationMinutes) minutes; \(durationMinutes) is not possible."))
        }
        return found
    }
}
