import Foundation
import StrideContracts
import StrideRuntime

// What the parts after the goals part read of the year it closed, from the goals service's API
// (deploy/openapi/goals.yaml): the periods and each employee's finalized attainment.

/// A goal period.
package struct PeriodView: Decodable, Sendable {
    package var periodID: String
    package var orgUnitID: String
    package var name: String
    /// `year`, `half` or `quarter`.
    package var kind: String
    package var startsOn: CalendarDate
    package var endsOn: CalendarDate
    package var parentPeriodID: String?
    /// `open` or `closed`.
    package var status: String
    package var createdAt: Date

    package enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case orgUnitID = "org_unit_id"
        case name, kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case parentPeriodID = "parent_period_id"
        case status
        case createdAt = "created_at"
    }
}

/// An employee's finalized weighted attainment in a closed period.
package struct AttainmentView: Decodable, Sendable {
    package var employeeID: String
    /// A decimal string, e.g. `"87.5"`.
    package var weightedAttainmentPercent: String

    package enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case weightedAttainmentPercent = "weighted_attainment_percent"
    }

    /// The attainment as a number.
    package var percent: Double { Double(weightedAttainmentPercent) ?? 0 }
}

extension ServiceClient {
    /// The goal year the goals part has just closed (the latest closed `FY<year>` of the demo's
    /// year) and its finalized attainments, read from the goals service as HR.
    /// - Throws: ``DemoError`` when the year is not closed: the goals part closes it first.
    package func closedGoalYear(of context: DemoContext) async throws -> (period: PeriodView, attainments: [AttainmentView]) {
        let hr = context.org.hr
        let closed = try await all("/v1/periods?status=closed", as: hr, decoding: PeriodView.self)
        let firstDay = CalendarDate(year: context.year, month: 1, day: 1)
        guard let period = closed.filter({ $0.kind == "year" && $0.startsOn == firstDay }).max(by: { $0.createdAt < $1.createdAt }) else {
            throw DemoError("the goals service has no closed FY\(context.year): the goals part closes it first")
        }
        let attainments = try await all("/v1/periods/\(period.periodID)/attainments", as: hr, decoding: AttainmentView.self)
        return (period, attainments)
    }
}
