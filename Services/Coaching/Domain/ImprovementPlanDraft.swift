import StrideContracts

/// What a manager writes when drafting an improvement plan.
public struct ImprovementPlanDraft: Sendable, Equatable {
    /// The employee on the plan. JSON: `employee_id`.
    public var employeeID: String
    /// The employee's manager. JSON: `manager_id`.
    public var managerID: String
    /// The HR partner involved, if named. JSON: `hr_partner_id`.
    public var hrPartnerID: String?
    /// The appraisal that led to it, if any. JSON: `appraisal_id`.
    public var appraisalID: String?
    /// Why the plan is needed. JSON: `reason`.
    public var reason: String
    /// First day. JSON: `starts_on`.
    public var startsOn: CalendarDate
    /// Planned last day. JSON: `ends_on`.
    public var endsOn: CalendarDate
    /// What must improve and how it is judged. JSON: `objectives`.
    public var objectives: [ImprovementObjective]
    /// The support offered. JSON: `support`.
    public var support: [SupportOffer]
    /// The planned checkpoint reviews (not yet reviewed). JSON: `checkpoints`.
    public var checkpoints: [PlanCheckpoint]

    /// Creates a draft.
    /// - Parameters:
    ///   - employeeID: the employee.
    ///   - managerID: their manager.
    ///   - hrPartnerID: the HR partner.
    ///   - appraisalID: the appraisal behind it.
    ///   - reason: why.
    ///   - startsOn: first day.
    ///   - endsOn: last day.
    ///   - objectives: measurable objectives.
    ///   - support: support offered.
    ///   - checkpoints: planned reviews.
    public init(
        employeeID: String, managerID: String, hrPartnerID: String? = nil, appraisalID: String? = nil, reason: String,
        startsOn: CalendarDate, endsOn: CalendarDate, objectives: [ImprovementObjective], support: [SupportOffer],
        checkpoints: [PlanCheckpoint]
    ) {
        self.employeeID = employeeID
        self.managerID = managerID
        self.hrPartnerID = hrPartnerID
        self.appraisalID = appraisalID
        self.reason = reason
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.objectives = objectives
        self.support = support
        self.checkpoints = checkpoints
    }
}
