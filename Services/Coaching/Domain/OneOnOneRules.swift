import StrideContracts
import StrideRuntime

/// The rules for scheduling a 1:1 and for recording that it was held.
public enum OneOnOneRules {
    /// Every rule a new 1:1 breaks: `employee_id` must differ from the manager (`.unprocessable`),
    /// `scheduled_on` not before `today` (`.invalid`).
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
        if scheduledOn < today {
            found.append(
                CoachingRuleViolation(.invalid, field: "scheduled_on", "A 1:1 cannot be scheduled in the past (\(scheduledOn))."))
        }
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
