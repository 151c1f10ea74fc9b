/// A compensation change is approved for payroll (`stride.payroll.v1`, key employee id).
///
/// - Important: `change_id` is the idempotency key: payroll applies each change id exactly
///   once, however often it is delivered. Changes are never edited; a correction is a
///   ``CompensationChangeReversed`` followed by a new change.
public struct CompensationChangeApproved: StrideEvent {
    public static let eventType = "stride.payroll.compensation-change.approved.v1"
    public static let topic = StrideTopic.payroll
    public var partitionKey: String { employeeID }

    /// The change; the idempotency key.
    public var changeID: String
    /// The employee.
    public var employeeID: String
    /// Merit, bonus or promotion.
    public var kind: CompensationChangeKind
    /// The increase (merit, promotion: annual) or the payment (bonus). Its currency is the change's currency.
    public var amount: Money
    /// The base salary before, for merit and promotion.
    public var previousBaseSalary: Money?
    /// The base salary from `effective_date`, for merit and promotion.
    public var newBaseSalary: Money?
    /// The day the change takes effect (bonus: the payout day).
    public var effectiveDate: CalendarDate
    /// The review cycle it comes from.
    public var cycleID: String
    /// The approved recommendation it comes from.
    public var recommendationID: String
    /// The HR person who approved it.
    public var actorID: String
    /// The job level from `effective_date`, for a promotion; absent otherwise.
    public var newJobLevel: String?

    /// Creates the event.
    public init(
        changeID: String, employeeID: String, kind: CompensationChangeKind, amount: Money, previousBaseSalary: Money?,
        newBaseSalary: Money?, effectiveDate: CalendarDate, cycleID: String, recommendationID: String, actorID: String,
        newJobLevel: String? = nil
    ) {
        self.changeID = changeID
        self.employeeID = employeeID
        self.kind = kind
        self.amount = amount
        self.previousBaseSalary = previousBaseSalary
        self.newBaseSalary = newBaseSalary
        self.effectiveDate = effectiveDate
        self.cycleID = cycleID
        self.recommendationID = recommendationID
        self.actorID = actorID
        self.newJobLevel = newJobLevel
    }

    // Not private: the fast payload path (FlatJSONObject.swift) reads the same names.
    enum CodingKeys: String, CodingKey {
        case changeID = "change_id"
        case employeeID = "employee_id"
        case kind
        case amount
        case previousBaseSalary = "previous_base_salary"
        case newBaseSalary = "new_base_salary"
        case effectiveDate = "effective_date"
        case cycleID = "cycle_id"
        case recommendationID = "recommendation_id"
        case actorID = "actor_id"
        case newJobLevel = "new_job_level"
    }
}

/// A previously approved compensation change is reversed (`stride.payroll.v1`, key employee id).
///
/// - Important: `reversal_id` is this event's idempotency key; `reversed_change_id` names the
///   ``CompensationChangeApproved`` to undo in full.
public struct CompensationChangeReversed: StrideEvent {
    public static let eventType = "stride.payroll.compensation-change.reversed.v1"
    public static let topic = StrideTopic.payroll
    public var partitionKey: String { employeeID }

    /// The reversal; the idempotency key.
    public var reversalID: String
    /// The change being reversed.
    public var reversedChangeID: String
    /// The employee.
    public var employeeID: String
    /// The reversed change's kind.
    public var kind: CompensationChangeKind
    /// The reversed change's amount.
    public var amount: Money
    /// The base salary restored, for merit and promotion.
    public var restoredBaseSalary: Money?
    /// The day the reversal takes effect.
    public var effectiveDate: CalendarDate
    /// The review cycle of the reversed change.
    public var cycleID: String
    /// The HR person who reversed it.
    public var actorID: String
    /// Why.
    public var reason: String

    /// Creates the event.
    public init(
        reversalID: String, reversedChangeID: String, employeeID: String, kind: CompensationChangeKind, amount: Money,
        restoredBaseSalary: Money?, effectiveDate: CalendarDate, cycleID: String, actorID: String, reason: String
    ) {
        self.reversalID = reversalID
        self.reversedChangeID = reversedChangeID
        self.employeeID = employeeID
        self.kind = kind
        self.amount = amount
        self.restoredBaseSalary = restoredBaseSalary
        self.effectiveDate = effectiveDate
        self.cycleID = cycleID
        self.actorID = actorID
        self.reason = reason
    }

    // Not private: the fast payload path (FlatJSONObject.swift) reads the same names.
    enum CodingKeys: String, CodingKey {
        case reversalID = "reversal_id"
        case reversedChangeID = "reversed_change_id"
        case employeeID = "employee_id"
        case kind
        case amount
        case restoredBaseSalary = "restored_base_salary"
        case effectiveDate = "effective_date"
        case cycleID = "cycle_id"
        case actorID = "actor_id"
        case reason
    }
}
