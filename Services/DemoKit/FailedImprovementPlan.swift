import StrideContracts

/// An improvement plan the coaching part closed as failed, as it leaves it for the parts after
/// it: its `ImprovementPlanClosed` (outcome `failed`) makes the incentives service ask HR for a
/// consequence review.
package struct FailedImprovementPlan: Sendable {
    package var planID: String
    package var employeeID: String
    package var managerID: String
    /// The day the manager decided the outcome.
    package var closedOn: CalendarDate
    package var objectivesMet: Int
    package var objectivesTotal: Int

    package init(planID: String, employeeID: String, managerID: String, closedOn: CalendarDate, objectivesMet: Int, objectivesTotal: Int) {
        self.planID = planID
        self.employeeID = employeeID
        self.managerID = managerID
        self.closedOn = closedOn
        self.objectivesMet = objectivesMet
        self.objectivesTotal = objectivesTotal
    }
}
