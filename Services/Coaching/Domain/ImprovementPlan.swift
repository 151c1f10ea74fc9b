import StrideContracts
import StrideRuntime

/// An improvement plan and its state machine:
///
///     draft ──approve (HR)──► approved ──acknowledge (employee)──► in progress ──close──► succeeded
///       ▲ revise                                                  │  ▲ review checkpoint    └──► failed
///       └──────                                                   └──┘ extend (≤ policy)
///
/// Separation of duties: HR approves, but never the plan's author, the employee on it or their
/// manager. Only the employee acknowledges. The employee never reviews a checkpoint or decides
/// the outcome. Every change is a `mutating` method that applies fully or throws a
/// ``CoachingRuleViolation`` and leaves the plan unchanged: `.conflict` when the state or the
/// actor does not allow it, `.invalid` or `.unprocessable` naming the field otherwise.
public struct ImprovementPlan: Sendable, Equatable {
    /// The plan.
    public let planID: String
    /// Who drafted it.
    public let authorID: String
    /// The content (its checkpoints carry their reviews).
    public private(set) var content: ImprovementPlanDraft
    /// Where the plan is.
    public private(set) var status: ImprovementPlanStatus
    /// Who approved it, once approved.
    public private(set) var approvedBy: String?
    /// The day the employee acknowledged it.
    public private(set) var acknowledgedOn: CalendarDate?
    /// How many times it has been extended.
    public private(set) var extensionCount: Int

    /// A new draft plan.
    /// - Parameters:
    ///   - planID: the plan.
    ///   - authorID: who drafts it.
    ///   - content: its content, valid per ``ImprovementPlanRules/violations(of:authorID:policy:)``.
    public init(planID: String, authorID: String, content: ImprovementPlanDraft) {
        self.init(
            planID: planID, authorID: authorID, content: content, status: .draft, approvedBy: nil, acknowledgedOn: nil,
            extensionCount: 0)
    }

    /// A plan as stored (any state).
    /// - Parameters:
    ///   - planID: the plan.
    ///   - authorID: who drafted it.
    ///   - content: its content and checkpoint reviews.
    ///   - status: where it is.
    ///   - approvedBy: the approver.
    ///   - acknowledgedOn: the acknowledgement day.
    ///   - extensionCount: extensions so far.
    public init(
        planID: String, authorID: String, content: ImprovementPlanDraft, status: ImprovementPlanStatus,
        approvedBy: String?, acknowledgedOn: CalendarDate?, extensionCount: Int
    ) {
        self.planID = planID
        self.authorID = authorID
        self.content = content
        self.status = status
        self.approvedBy = approvedBy
        self.acknowledgedOn = acknowledgedOn
        self.extensionCount = extensionCount
    }

    /// The employee on the plan.
    public var employeeID: String { content.employeeID }
    /// The planned (or extended) last day.
    public var endsOn: CalendarDate { content.endsOn }
    /// The checkpoints, with their reviews.
    public var checkpoints: [PlanCheckpoint] { content.checkpoints }
    /// How many objectives the plan has.
    public var objectivesTotal: Int { content.objectives.count }

    /// Replaces the content of a draft.
    /// - Parameters:
    ///   - draft: the new content.
    ///   - policy: the plan limits.
    /// - Throws: `.conflict` unless the plan is a draft; otherwise the first rule the content breaks.
    public mutating func revise(with draft: ImprovementPlanDraft, policy: ImprovementPlanPolicy = .standard) throws(
        CoachingRuleViolation
    ) {
        try require(.draft, to: "revised")
        if let first = ImprovementPlanRules.violations(of: draft, authorID: authorID, policy: policy).first {
            throw first
        }
        content = draft
    }

    /// HR approves the plan.
    /// - Parameters:
    ///   - approverID: who approves.
    ///   - approverIsHR: whether they hold the HR role.
    /// - Throws: `.conflict` unless a draft, unless the approver is HR, and when the approver is
    ///   the author, the employee or the employee's manager.
    public mutating func approve(by approverID: String, approverIsHR: Bool) throws(CoachingRuleViolation) {
        try require(.draft, to: "approved")
        guard approverIsHR else {
            throw CoachingRuleViolation(.conflict, "Only HR approves an improvement plan.")
        }
        guard approverID != authorID, approverID != content.employeeID, approverID != content.managerID else {
            throw CoachingRuleViolation(
                .conflict,
                "Separation of duties: the plan's author, the employee on it and their manager cannot approve it.")
        }
        status = .approved
        approvedBy = approverID
    }

    /// The employee acknowledges the approved plan, which starts it (emit ``ImprovementPlanStarted``).
    /// - Parameters:
    ///   - actorID: who acknowledges.
    ///   - on: the day.
    /// - Throws: `.conflict` unless approved, or when the actor is not the employee on the plan.
    public mutating func acknowledge(by actorID: String, on day: CalendarDate) throws(CoachingRuleViolation) {
        try require(.approved, to: "acknowledged")
        guard actorID == content.employeeID else {
            throw CoachingRuleViolation(.conflict, "Only the employee on the plan acknowledges it.")
        }
        status = .inProgress
        acknowledgedOn = day
    }

    /// Records a checkpoint review (emit ``ImprovementPlanCheckpointReviewed``).
    /// - Parameters:
    ///   - checkpointID: the checkpoint. JSON: `checkpoint_id`.
    ///   - review: the review.
    ///   - today: the day of the request.
    /// - Throws: `.conflict` unless in progress, when the reviewer is the employee, or when the
    ///   checkpoint was already reviewed; `.unprocessable` (`checkpoint_id`) for a checkpoint not
    ///   in the plan; `.invalid` for `reviewed_on` outside start…today, `objectives_met` outside
    ///   0…objectives, `notes` missing when not on track or longer than
    ///   ``ImprovementPlanRules/maxNotesLength``.
    public mutating func review(
        checkpoint checkpointID: String, _ review: CheckpointReview, today: CalendarDate
    ) throws(CoachingRuleViolation) {
        try require(.inProgress, to: "reviewed")
        guard review.reviewerID != content.employeeID else {
            throw CoachingRuleViolation(.conflict, "The employee on the plan does not review its checkpoints.")
        }
        guard let index = content.checkpoints.firstIndex(where: { $0.checkpointID == checkpointID }) else {
            throw CoachingRuleViolation(.unprocessable, field: "checkpoint_id", "The plan has no checkpoint \(checkpointID).")
        }
        guard content.checkpoints[index].review == nil else {
            throw CoachingRuleViolation(.conflict, "Checkpoint \(checkpointID) has already been reviewed.")
        }
        var found: [CoachingRuleViolation] = []
        if review.reviewedOn < content.startsOn || review.reviewedOn > today {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "reviewed_on",
                    "A review falls between the plan's start (\(content.startsOn)) and today; \(review.reviewedOn) does not."))
        }
        checkObjectivesMet(review.objectivesMet, into: &found)
        if review.assessment != .onTrack {
            FieldChecks.requiredText(
                review.notes ?? "", field: "notes", name: "notes on what is behind",
                maxLength: ImprovementPlanRules.maxNotesLength, into: &found)
        } else {
            FieldChecks.optionalText(
                review.notes, field: "notes", name: "notes", maxLength: ImprovementPlanRules.maxNotesLength, into: &found)
        }
        if let first = found.first { throw first }
        content.checkpoints[index].review = review
    }

    /// Decides the outcome (emit ``ImprovementPlanClosed``): succeeded or failed closes the plan;
    /// extended keeps it in progress until `extended_until`, with any new checkpoints.
    ///
    /// A plan may succeed at any time while in progress. It may fail only on or after its end
    /// date and once every checkpoint has been reviewed: the employee gets the whole plan.
    /// It may be extended at most `policy.maxExtensions` times, to a later end date within
    /// `policy.maxPlanDays` of the start, once every checkpoint due so far has been reviewed.
    /// - Parameters:
    ///   - closing: the decision.
    ///   - actorID: who decides.
    ///   - today: the day of the request.
    ///   - policy: the plan limits.
    /// - Throws: `.conflict` unless in progress, when the actor is the employee, when failing
    ///   early or with unreviewed checkpoints, or when the extensions are used up; `.invalid`
    ///   naming `closed_on`, `extended_until`, `checkpoints[i]…`, `objectives_met` or `reason`.
    public mutating func close(
        _ closing: PlanClosing, by actorID: String, today: CalendarDate, policy: ImprovementPlanPolicy = .standard
    ) throws(CoachingRuleViolation) {
        try require(.inProgress, to: "closed")
        guard actorID != content.employeeID else {
            throw CoachingRuleViolation(.conflict, "The employee on the plan does not decide its outcome.")
        }
        try checkOutcomeAllowed(closing, policy: policy)
        var found: [CoachingRuleViolation] = []
        if closing.closedOn < content.startsOn || closing.closedOn > today {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "closed_on",
                    "The outcome is decided between the plan's start (\(content.startsOn)) and today; \(closing.closedOn) is not."))
        }
        checkObjectivesMet(closing.objectivesMet, into: &found)
        FieldChecks.requiredText(
            closing.reason, field: "reason", name: "reason", maxLength: ImprovementPlanRules.maxNotesLength, into: &found)
        checkExtension(closing, policy: policy, into: &found)
        if let first = found.first { throw first }
        switch closing.outcome {
        case .succeeded: status = .succeeded
        case .failed: status = .failed
        case .extended:
            if let until = closing.extendedUntil { content.endsOn = until }
            content.checkpoints += closing.newCheckpoints
            extensionCount += 1
        }
    }

    private func checkOutcomeAllowed(_ closing: PlanClosing, policy: ImprovementPlanPolicy) throws(CoachingRuleViolation) {
        switch closing.outcome {
        case .succeeded:
            return
        case .failed:
            guard closing.closedOn >= content.endsOn else {
                throw CoachingRuleViolation(
                    .conflict, "A plan cannot fail before its end date (\(content.endsOn)); the employee gets the whole plan.")
            }
            guard content.checkpoints.allSatisfy({ $0.review != nil }) else {
                throw CoachingRuleViolation(.conflict, "A plan cannot fail while checkpoints are still unreviewed.")
            }
        case .extended:
            guard extensionCount < policy.maxExtensions else {
                throw CoachingRuleViolation(
                    .conflict, "The plan has been extended \(extensionCount) times; the most is \(policy.maxExtensions).")
            }
            guard content.checkpoints.allSatisfy({ $0.review != nil || $0.dueOn > closing.closedOn }) else {
                throw CoachingRuleViolation(.conflict, "Review the checkpoints due so far before extending the plan.")
            }
        }
    }

    private func checkExtension(
        _ closing: PlanClosing, policy: ImprovementPlanPolicy, into found: inout [CoachingRuleViolation]
    ) {
        guard closing.outcome == .extended else {
            if closing.extendedUntil != nil {
                found.append(
                    CoachingRuleViolation(.invalid, field: "extended_until", "Only an extension has a new end date."))
            }
            if !closing.newCheckpoints.isEmpty {
                found.append(CoachingRuleViolation(.invalid, field: "checkpoints", "Only an extension adds checkpoints."))
            }
            return
        }
        guard let until = closing.extendedUntil else {
            found.append(CoachingRuleViolation(.invalid, field: "extended_until", "An extension needs a new end date."))
            return
        }
        if until <= content.endsOn {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "extended_until", "The new end date must be after the current one (\(content.endsOn))."))
        } else {
            ImprovementPlanRules.checkDates(
                startsOn: content.startsOn, endsOn: until, policy: policy, field: "extended_until", into: &found)
        }
        ImprovementPlanRules.checkCheckpoints(
            closing.newCheckpoints, field: "checkpoints", after: content.endsOn, through: until,
            existing: content.checkpoints, minCount: 0, into: &found)
    }

    private func checkObjectivesMet(_ met: Int, into found: inout [CoachingRuleViolation]) {
        if met < 0 || met > objectivesTotal {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: "objectives_met", "Objectives met is 0 to \(objectivesTotal); \(met) is not."))
        }
    }

    private func require(_ expected: ImprovementPlanStatus, to action: String) throws(CoachingRuleViolation) {
        guard status == expected else {
            throw CoachingRuleViolation(
                .conflict, "A plan that is \(status.rawValue.replacingUnderscores) cannot be \(action).")
        }
    }
}

extension String {
    fileprivate var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
