import StrideContracts
import StrideRuntime

/// The rules feedback must meet. Anyone may give anyone feedback, except themselves.
public enum FeedbackRules {
    /// The longest feedback message, in characters.
    public static let maxMessageLength = 4000

    /// Every rule the feedback breaks: `recipient_id` someone other than the giver
    /// (`.unprocessable`: feedback about yourself belongs in the evidence journal or a check-in);
    /// `message` written, at most ``maxMessageLength``; `goal_id` and `competency_id`, when
    /// present, not blank (`.invalid`).
    /// - Parameter feedback: the feedback as submitted.
    public static func violations(of feedback: FeedbackSubmission) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        if FieldChecks.isBlank(feedback.recipientID) {
            found.append(CoachingRuleViolation(.invalid, field: "recipient_id", "Name who the feedback is for."))
        } else if feedback.recipientID == feedback.giverID {
            found.append(
                CoachingRuleViolation(.unprocessable, field: "recipient_id", "Feedback is for someone else, not yourself."))
        }
        FieldChecks.requiredText(
            feedback.message, field: "message", name: "feedback", maxLength: maxMessageLength, into: &found)
        if let goalID = feedback.goalID, FieldChecks.isBlank(goalID) {
            found.append(CoachingRuleViolation(.invalid, field: "goal_id", "The goal id is empty."))
        }
        if let competencyID = feedback.competencyID, FieldChecks.isBlank(competencyID) {
            found.append(CoachingRuleViolation(.invalid, field: "competency_id", "The competency id is empty."))
        }
        return found
    }
}
