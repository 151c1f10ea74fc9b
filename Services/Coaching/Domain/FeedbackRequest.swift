import StrideContracts
import StrideRuntime

/// Someone asks named colleagues for feedback about themselves, by a date.
public struct FeedbackRequest: Sendable, Hashable {
    /// Who asks, and whom the feedback will be about (from the token).
    public var requesterID: String
    /// The colleagues asked. JSON: `respondent_ids`.
    public var respondentIDs: [String]
    /// The day answers are wanted by. JSON: `due_on`.
    public var dueOn: CalendarDate
    /// What the requester would like feedback on, if they say. JSON: `prompt`.
    public var prompt: String?

    /// Creates a request.
    /// - Parameters:
    ///   - requesterID: who asks.
    ///   - respondentIDs: the colleagues asked.
    ///   - dueOn: answers wanted by.
    ///   - prompt: what the requester would like feedback on.
    public init(requesterID: String, respondentIDs: [String], dueOn: CalendarDate, prompt: String? = nil) {
        self.requesterID = requesterID
        self.respondentIDs = respondentIDs
        self.dueOn = dueOn
        self.prompt = prompt
    }
}

/// The rules a feedback request must meet.
public enum FeedbackRequestRules {
    /// The most colleagues one request may ask.
    public static let maxRespondents = 10
    /// The longest prompt, in characters.
    public static let maxPromptLength = 1000

    /// Every rule the request breaks: `respondent_ids` 1 to ``maxRespondents``, none blank or
    /// repeated (`.invalid`), none the requester (`.unprocessable`); `due_on` after `today`
    /// (`.invalid`); `prompt` at most ``maxPromptLength`` (`.invalid`).
    /// - Parameters:
    ///   - request: the request.
    ///   - today: the day it is made.
    public static func violations(of request: FeedbackRequest, today: CalendarDate) -> [CoachingRuleViolation] {
        var found: [CoachingRuleViolation] = []
        FieldChecks.identifiers(
            request.respondentIDs, field: "respondent_ids", name: "colleagues", minCount: 1,
            maxCount: maxRespondents, into: &found)
        if let index = request.respondentIDs.firstIndex(of: request.requesterID) {
            found.append(
                CoachingRuleViolation(
                    .unprocessable, field: "respondent_ids[\(index)]", "Ask colleagues, not yourself, for feedback."))
        }
        if request.dueOn <= today {
            found.append(
                CoachingRuleViolation(.invalid, field: "due_on", "The due date \(request.dueOn) must be after today."))
        }
        FieldChecks.optionalText(
            request.prompt, field: "prompt", name: "prompt", maxLength: maxPromptLength, into: &found)
        return found
    }
}
