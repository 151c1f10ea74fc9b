import StrideContracts
import StrideRuntime

/// Where a feedback interview is. JSON: `scheduled`, `recorded`, `completed`.
public enum FeedbackInterviewStatus: String, Codable, Sendable, CaseIterable {
    /// Planned; nothing recorded yet.
    case scheduled
    /// Recorded; waiting for one or both sign-offs.
    case recorded
    /// Signed off by both sides; immutable (emit ``FeedbackInterviewCompleted``).
    case completed
}

/// A post-appraisal feedback interview between a manager and their report.
///
/// The record may be written and rewritten until both sides have signed it off. Rewriting it
/// clears any sign-off already given, since that side agreed to the earlier text. The manager
/// and the employee each sign off once, in either order; with both sign-offs the interview is
/// completed and nothing about it changes again. Changes apply fully or throw a
/// ``CoachingRuleViolation`` and leave the interview unchanged.
public struct FeedbackInterview: Sendable, Equatable {
    /// The interview.
    public let interviewID: String
    /// The employee.
    public let employeeID: String
    /// The manager who holds it.
    public let managerID: String
    /// The appraisal discussed.
    public let appraisalID: String
    /// The review cycle.
    public let cycleID: String
    /// The day the appraisal was finalized.
    public let finalizedOn: CalendarDate
    /// The planned day.
    public private(set) var scheduledOn: CalendarDate
    /// The record, once written.
    public private(set) var record: FeedbackInterviewRecord?
    /// The day the manager signed the current record off.
    public private(set) var managerSignedOn: CalendarDate?
    /// The day the employee signed the current record off.
    public private(set) var employeeSignedOn: CalendarDate?

    /// An interview as stored (any state).
    /// - Parameters:
    ///   - interviewID: the interview.
    ///   - employeeID: the employee.
    ///   - managerID: the manager.
    ///   - appraisalID: the appraisal.
    ///   - cycleID: the cycle.
    ///   - finalizedOn: the day the appraisal was finalized.
    ///   - scheduledOn: the planned day.
    ///   - record: the record.
    ///   - managerSignedOn: the manager's sign-off.
    ///   - employeeSignedOn: the employee's sign-off.
    public init(
        interviewID: String, employeeID: String, managerID: String, appraisalID: String, cycleID: String,
        finalizedOn: CalendarDate, scheduledOn: CalendarDate, record: FeedbackInterviewRecord? = nil,
        managerSignedOn: CalendarDate? = nil, employeeSignedOn: CalendarDate? = nil
    ) {
        self.interviewID = interviewID
        self.employeeID = employeeID
        self.managerID = managerID
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.finalizedOn = finalizedOn
        self.scheduledOn = scheduledOn
        self.record = record
        self.managerSignedOn = managerSignedOn
        self.employeeSignedOn = employeeSignedOn
    }

    /// Where the interview is.
    public var status: FeedbackInterviewStatus {
        if record == nil { return .scheduled }
        return managerSignedOn != nil && employeeSignedOn != nil ? .completed : .recorded
    }

    /// Whether both sides have signed off.
    public var isCompleted: Bool { status == .completed }

    /// Moves the interview to another day, before anything is recorded.
    /// - Parameters:
    ///   - day: the new day.
    ///   - today: the day of the request.
    ///   - window: the scheduling window.
    /// - Throws: `.conflict` once recorded; `.invalid` (`scheduled_on`) outside the window.
    public mutating func reschedule(
        to day: CalendarDate, today: CalendarDate, window: InterviewWindow = InterviewWindow()
    ) throws(CoachingRuleViolation) {
        guard status == .scheduled else {
            throw CoachingRuleViolation(.conflict, "A \(status.rawValue) feedback interview cannot be rescheduled.")
        }
        if let first = window.violations(scheduledOn: day, finalizedOn: finalizedOn, today: today).first {
            throw first
        }
        scheduledOn = day
    }

    /// Writes (or rewrites) the record; clears any sign-off given to the earlier text.
    /// - Parameters:
    ///   - record: the record.
    ///   - today: the day of the request.
    /// - Throws: `.conflict` once completed; otherwise the first of
    ///   ``FeedbackInterviewRules/violations(of:finalizedOn:today:)``.
    public mutating func write(_ record: FeedbackInterviewRecord, today: CalendarDate) throws(CoachingRuleViolation) {
        try requireOpen(to: "changed")
        if let first = FeedbackInterviewRules.violations(of: record, finalizedOn: finalizedOn, today: today).first {
            throw first
        }
        self.record = record
        managerSignedOn = nil
        employeeSignedOn = nil
    }

    /// One side signs the record off.
    /// - Parameters:
    ///   - actorID: the manager or the employee.
    ///   - day: the day of the sign-off.
    /// - Returns: whether the interview is now completed (emit ``FeedbackInterviewCompleted``).
    /// - Throws: `.conflict` once completed, before a record exists, when the actor is neither
    ///   the manager nor the employee, or when that side has already signed off.
    @discardableResult
    public mutating func signOff(by actorID: String, on day: CalendarDate) throws(CoachingRuleViolation) -> Bool {
        try requireOpen(to: "signed off")
        guard record != nil else {
            throw CoachingRuleViolation(.conflict, "Write the interview record before signing it off.")
        }
        if actorID == managerID {
            guard managerSignedOn == nil else {
                throw CoachingRuleViolation(.conflict, "The manager has already signed the interview off.")
            }
            managerSignedOn = day
        } else if actorID == employeeID {
            guard employeeSignedOn == nil else {
                throw CoachingRuleViolation(.conflict, "The employee has already signed the interview off.")
            }
            employeeSignedOn = day
        } else {
            throw CoachingRuleViolation(.conflict, "Only the manager and the employee sign the interview off.")
        }
        return isCompleted
    }

    private func requireOpen(to action: String) throws(CoachingRuleViolation) {
        guard !isCompleted else {
            throw CoachingRuleViolation(.conflict, "A completed feedback interview cannot be \(action).")
        }
    }
}
