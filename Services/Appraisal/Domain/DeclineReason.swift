import StrideRuntime

/// Why a reviewer declines a review request — required, so that HR can nominate someone else
/// knowing why.
public enum DeclineReason {
    /// The longest reason, in characters.
    public static let maxLength = 500

    /// Every rule the reason breaks: `reason` written, at most ``maxLength`` characters (`.invalid`).
    /// - Parameter reason: the reason given.
    public static func violations(of reason: String) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(reason, field: "reason", name: "reason", maxLength: maxLength, into: &found)
        return found
    }
}
