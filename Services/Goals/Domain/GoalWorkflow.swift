import StrideContracts

/// Something a person does to a goal that moves it through its workflow. JSON: `submit`,
/// `approve`, `return`, `activate`, `complete`, `cancel`.
public enum GoalAction: String, Sendable, CaseIterable, Codable {
    /// The owner asks the manager to agree the goal.
    case submit
    /// The manager agrees the goal.
    case approve
    /// The manager sends the goal back to the owner for changes.
    case `return`
    /// Work on an agreed goal starts.
    case activate
    /// The goal is finished.
    case complete
    /// The goal is dropped; it carries no weight at period close.
    case cancel
}

/// The goal agreement workflow: draft → submitted → approved (or returned and resubmitted) →
/// active → completed, with cancel possible until the goal is finished. It decides which
/// actions are possible; who may take them is the HTTP layer's concern.
public enum GoalWorkflow {
    /// The status a goal moves to when `action` is taken.
    ///
    /// draft or returned --submit--> submitted; submitted --approve--> approved;
    /// submitted --return--> returned; approved --activate--> active;
    /// active --complete--> completed; draft, submitted, returned, approved or active
    /// --cancel--> cancelled.
    /// - Parameters:
    ///   - status: the goal's current status.
    ///   - action: the action requested.
    /// - Returns: the new status.
    /// - Throws: ``GoalRuleViolation/Code/invalidTransition`` naming the status and the action,
    ///   e.g. "A completed goal cannot be approved.", for any other combination.
    public static func next(from status: GoalStatus, on action: GoalAction) throws(GoalRuleViolation) -> GoalStatus {
        guard let target = transition(from: status, on: action) else {
            throw GoalRuleViolation(
                .invalidTransition, "\(article(status)) \(status.rawValue) goal cannot be \(pastParticiple(action)).")
        }
        return target
    }

    /// The actions allowed from a status, in ``GoalAction/allCases`` order (for API responses and docs).
    /// - Parameter status: the goal's current status.
    public static func allowedActions(from status: GoalStatus) -> [GoalAction] {
        GoalAction.allCases.filter { transition(from: status, on: $0) != nil }
    }

    /// Whether the owner may still edit the goal's definition: only while it is a draft or
    /// returned, since an agreed goal changes only by a new agreement.
    /// - Parameter status: the goal's current status.
    public static func isEditable(_ status: GoalStatus) -> Bool {
        status == .draft || status == .returned
    }

    /// Whether progress may be recorded: only on agreed, unfinished goals (approved or active).
    /// - Parameter status: the goal's current status.
    public static func acceptsProgress(_ status: GoalStatus) -> Bool {
        status == .approved || status == .active
    }

    /// The transition table; `nil` where the action is not allowed.
    static func transition(from status: GoalStatus, on action: GoalAction) -> GoalStatus? {
        switch (status, action) {
        case (.draft, .submit), (.returned, .submit): .submitted
        case (.submitted, .approve): .approved
        case (.submitted, .return): .returned
        case (.approved, .activate): .active
        case (.active, .complete): .completed
        case (.draft, .cancel), (.submitted, .cancel), (.returned, .cancel), (.approved, .cancel), (.active, .cancel):
            .cancelled
        default: nil
        }
    }

    private static func article(_ status: GoalStatus) -> String {
        switch status {
        case .approved, .active: "An"
        case .draft, .submitted, .returned, .completed, .cancelled: "A"
        }
    }

    private static func pastParticiple(_ action: GoalAction) -> String {
        switch action {
        case .submit: "submitted"
        case .approve: "approved"
        case .return: "returned"
        case .activate: "activated"
        case .complete: "completed"
        case .cancel: "cancelled"
        }
    }
}
