import Foundation
import StrideContracts
import StrideDemoKit

/// What the demo company's goals say: the company goal, one goal and one template per
/// department, and the personal goals employees draft. Plain data; the steps decide who writes it.
enum DemoScenario {
    /// The org unit whose period and company goal the demo opens.
    static let company = "acme"
    static let companyGoal = "Acme: profitable growth, customers who stay"

    /// An employee's share of their goals that comes from their department's template; the
    /// personal goal carries the rest, so every employee's weights sum to 100.
    static let templateWeight: Decimal = 40

    /// The department goal every department head writes.
    static func departmentGoal(_ department: String) -> String {
        switch department {
        case "Sales": "Sales: €30M new ARR"
        case "Engineering": "Engineering: 99.95 % availability, weekly releases"
        case "Customer Success": "Customer Success: answer fast, keep 95 % of customers"
        case "Marketing": "Marketing: double the qualified pipeline"
        case "Operations": "Operations: ship on time, every time"
        case "People": "People: every employee on an agreed development plan"
        case "Finance": "Finance: forecast within ±2 %"
        default: "\(department): deliver the plan"
        }
    }

    /// The goal every member of a department is assigned in bulk; two are KPIs bound to a metric
    /// that another system publishes on `stride.metrics.v1`.
    static func template(for department: String) -> TemplateBody {
        let weight = templateWeight
        switch department {
        case "Sales":
            return TemplateBody(
                title: "New ARR, Sales as a team", kind: .kpi, weight: weight,
                measure: GoalMeasure(
                    metricSource: "crm", metricID: "sales.new-arr", unit: "EUR", direction: .increase, startValue: 0,
                    targetValue: 30_000_000))
        case "Customer Success":
            return TemplateBody(
                title: "First response time", kind: .kpi, weight: weight,
                measure: GoalMeasure(
                    metricSource: "helpdesk", metricID: "support.first-response-hours", unit: "hours", direction: .decrease,
                    startValue: 8, targetValue: 4))
        case "Engineering":
            return TemplateBody(
                title: "Reliability we can measure", kind: .objective, weight: weight,
                keyResults: [
                    KeyResult(keyResultID: "slos", title: "Services with SLOs", unit: "services", startValue: 0, targetValue: 40, weight: 60),
                    KeyResult(keyResultID: "runbooks", title: "Runbooks reviewed", unit: "runbooks", startValue: 0, targetValue: 25, weight: 40),
                ])
        case "Operations":
            return TemplateBody(
                title: "Orders shipped on time", kind: .kpi, weight: weight,
                measure: GoalMeasure(metricID: nil, unit: "percent", direction: .increase, startValue: 90, targetValue: 98))
        case "Finance":
            return TemplateBody(
                title: "Forecast variance within ±2 %", kind: .kpi, weight: weight,
                measure: GoalMeasure(
                    metricID: nil, unit: "percent", direction: .stayWithinRange, startValue: 0, targetValue: 0, lowerBound: -2,
                    upperBound: 2))
        case "People":
            return TemplateBody(
                title: "People in my area with an agreed development plan", kind: .kpi, weight: weight,
                measure: GoalMeasure(metricID: nil, unit: "percent", direction: .increase, startValue: 20, targetValue: 100))
        case "Marketing":
            return TemplateBody(
                title: "Marketing-qualified leads", kind: .kpi, weight: weight,
                measure: GoalMeasure(metricID: nil, unit: "leads", direction: .increase, startValue: 0, targetValue: 1_200))
        default:
            return TemplateBody(title: "\(department): roll out the new career framework", kind: .milestone, weight: weight)
        }
    }

    /// The readings the demo's "CRM" and "helpdesk" publish, oldest first, per bound metric.
    static func readings(source: String, metricID: String) -> [Decimal] {
        switch (source, metricID) {
        case ("crm", "sales.new-arr"): [9_000_000, 18_500_000, 26_400_000]
        case ("helpdesk", "support.first-response-hours"): [7.2, 5.9, 4.4]
        default: []
        }
    }

    /// Each employee's personal goal: one of three kinds, so the tree mixes KPIs, objectives and milestones.
    static func personalGoal(for employee: EmployeeUpserted, index: Int) -> (title: String, kind: GoalKind, measure: GoalMeasure?, keyResults: [KeyResult]) {
        switch index % 3 {
        case 0:
            return ("Complete 40 hours of focused learning", .kpi,
                    GoalMeasure(metricID: nil, unit: "hours", direction: .increase, startValue: 0, targetValue: 40), [])
        case 1:
            return ("Grow as \(article(employee.jobTitle)) \(employee.jobTitle)", .objective, nil, [
                KeyResult(keyResultID: "mentoring", title: "Mentoring sessions given", unit: "sessions", startValue: 0, targetValue: 10, weight: 50),
                KeyResult(keyResultID: "improvements", title: "Improvements shipped", unit: "improvements", startValue: 0, targetValue: 6, weight: 50),
            ])
        default:
            return ("Lead one cross-team improvement", .milestone, nil, [])
        }
    }

    /// Why a manager returns a personal goal, and the due date the owner then adds.
    static let returnReason = "Please add a due date so we can pace it."
    static func fixedDueDate(year: Int) -> CalendarDate { CalendarDate(year: year, month: 12, day: 15) }

    private static func article(_ noun: String) -> String {
        "aeiouAEIOU".contains(noun.first ?? "x") ? "an" : "a"
    }
}
