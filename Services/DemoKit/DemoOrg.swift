import Foundation
import StrideContracts
import StrideRuntime

/// The sample organisation as the demo's actors see it: who reports to whom, who heads each
/// department, who signs in with which roles.
package struct DemoOrg: Sendable {
    /// Everyone, in file order.
    package let employees: [EmployeeUpserted]
    package let byID: [String: EmployeeUpserted]
    /// Direct reports by manager id.
    package let reports: [String: [String]]
    /// People without a manager (the CEO); HR approves their goals.
    package let roots: [String]
    /// Departments with a head of their own (not the CEO's), largest first.
    package let departments: [String]
    /// The most senior person in each department.
    package let heads: [String: String]
    /// The person who acts for HR: the head of People, or a dedicated `hr` user when there is none.
    package let hr: String
    /// Who may act for HR where HR's own pay is at stake (nobody approves their own): the other
    /// people of HR's department, nearest to HR in the reporting line first, then the person HR
    /// reports to. They sign in with the HR role for that alone (``DemoContext/actingForHR(_:baseURL:)``).
    package let hrStandIns: [String]

    package init(_ employees: [EmployeeUpserted]) throws {
        guard !employees.isEmpty else { throw DemoError("the org chart is empty") }
        self.employees = employees
        byID = Dictionary(employees.map { ($0.employeeID, $0) }, uniquingKeysWith: { first, _ in first })
        var reports: [String: [String]] = [:]
        for employee in employees {
            if let manager = employee.managerID { reports[manager, default: []].append(employee.employeeID) }
        }
        self.reports = reports
        let byID = self.byID
        roots = employees.filter { $0.managerID.flatMap { byID[$0] } == nil }.map(\.employeeID)
        guard !roots.isEmpty else { throw DemoError("the org chart has no top: every employee has a manager") }
        var heads: [String: String] = [:]
        for employee in employees where heads[employee.department] == nil {
            let manager = employee.managerID.flatMap { byID[$0] }
            if manager == nil || manager?.department != employee.department { heads[employee.department] = employee.employeeID }
        }
        let roots = Set(roots)
        let headcount = Dictionary(grouping: employees, by: \.department).mapValues(\.count)
        departments = heads.filter { !roots.contains($0.value) }.keys
            .sorted { (headcount[$0] ?? 0, $1) > (headcount[$1] ?? 0, $0) }
        self.heads = heads
        let hr = heads["People"] ?? "hr"
        self.hr = hr
        // Breadth first down HR's reporting line within their department, then the rest of it, then HR's manager.
        let department = byID[hr]?.department
        var nearest: [String] = []
        var queue = reports[hr] ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard byID[next]?.department == department, !nearest.contains(next) else { continue }
            nearest.append(next)
            queue += reports[next] ?? []
        }
        let others = employees.filter { $0.department == department && $0.employeeID != hr && !nearest.contains($0.employeeID) }
        let manager = byID[hr]?.managerID.flatMap { byID[$0] != nil ? $0 : nil }
        hrStandIns = (nearest + others.map(\.employeeID) + (manager.map { [$0] } ?? [])).filter { $0 != hr }
    }

    /// Everyone who has direct reports, in file order.
    package var managers: [String] { employees.map(\.employeeID).filter { reports[$0] != nil } }

    /// How many people work in `department`.
    package func headcount(of department: String) -> Int { employees.count { $0.department == department } }

    /// The roles `subject` signs in with.
    package func roles(of subject: String) -> Set<Role> {
        var roles: Set<Role> = [.employee]
        if reports[subject] != nil { roles.insert(.manager) }
        if subject == hr { roles.insert(.hr) }
        return roles
    }

    /// "E0007 Thomas Horvath".
    package func label(_ id: String) -> String {
        byID[id].map { "\(id) \($0.name)" } ?? id
    }

    /// Who approves `id`'s goals: their manager, or HR for someone without one.
    package func approver(of id: String) -> String {
        byID[id]?.managerID.flatMap { byID[$0] != nil ? $0 : nil } ?? hr
    }

    /// How many levels the reporting lines have.
    package var levels: Int {
        var depth: [String: Int] = [:]
        func level(_ id: String, _ guardDepth: Int = 0) -> Int {
            if let known = depth[id] { return known }
            let manager = byID[id]?.managerID.flatMap { byID[$0] != nil ? $0 : nil }
            let value = manager == nil || guardDepth > 64 ? 1 : level(manager!, guardDepth + 1) + 1
            depth[id] = value
            return value
        }
        return employees.map { level($0.employeeID) }.max() ?? 0
    }
}
