import StrideContracts
import StrideRuntime

/// The rules an employee's check-in and the manager's reply must meet.
public enum CheckInRules {
    /// The confidence scale: 1 (not confident) to 5 (fully confident).
    public static let confidenceRange = 1...5
    /// The longest "what moved", in characters.
    public static let maxWhatMovedLength = 4000
    /// The most blockers in one check-in.
    public static let maxBlockers = 10
    /// The longest blocker, in characters.
    public static let maxBlockerLength = 500
    /// The most goals one check-in may touch.
    public static let maxGoalsTouched = 20
    /// The longest manager's reply, in characters.
    public static let maxReplyLength = 4000
    /// How many days late a check-in may be recorded: a year (older dates are mistakes).
    public static let maxDaysLate = 366

    /// Every rule the check-in breaks (empty when it is valid), each `.invalid` naming its field:
    /// `held_on` not after `today` nor more than ``maxDaysLate`` before it; `what_moved` written, at most ``maxWhatMovedLength``;
    /// `blockers` at most ``maxBlockers``, each written and at most ``maxBlockerLength``;
    /// `confidence` in ``confidenceRange``; `goal_ids` at most ``maxGoalsTouched``, none empty or
    /// repeated.
    /// - Parameters:
    ///   - submission: the check-in as submitted.
    ///   - today: the day it is submitted.
    public static func violations(of submission: CheckInSubmission, today: CalendarDate) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if submission.heldOn > today {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "held_on", "A check-in is recorded after it happens; \(submission.heldOn) is in the future."))
        } else if DayDistance.days(from: submission.heldOn, to: today) > maxDaysLate {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "held_on", "A check-in is recorded within \(maxDaysLate) days; \(submission.heldOn) is too long ago."))
        }
        FieldChecks.requiredText(
            submission.whatMoved, field: "what_moved", name: "what moved", maxLength: maxWhatMovedLength, into: &found)
        FieldChecks.lines(
            submission.blockers, field: "blockers", name: "blockers", maxCount: maxBlockers,
            maxLength: maxBlockerLength, into: &found)
        if !confidenceRange.contains(submission.confidence) {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "confidence", "Confidence is 1 to 5; \(submission.confidence) is not on the scale."))
        }
        FieldChecks.identifiers(
            submission.goalIDs, field: "goal_ids", name: "goals", maxCount: maxGoalsTouched, into: &found)
        return found
    }

    /// Every rule the manager's reply breaks: `reply` written, at most ``maxReplyLength``.
    /// - Parameter reply: the reply text.
    public static func replyViolations(_ reply: String) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        FieldChecks.requiredText(reply, field: "reply", name: "reply", maxLength: maxReplyLength, into: &found)
        return found
    }
}
