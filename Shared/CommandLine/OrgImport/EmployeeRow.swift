import Foundation
import StrideContracts

/// One row of an HRIS export, validated and turned into the event that announces it.
///
/// Columns (header line required, any order):
/// `employee_id,name,email,manager_id,department,job_title,job_level,hire_date,status,base_salary,currency,salary_band_min,salary_band_mid,salary_band_max`
package enum EmployeeRow {
    package static let columns = [
        "employee_id", "name", "email", "manager_id", "department", "job_title", "job_level", "hire_date", "status",
        "base_salary", "currency", "salary_band_min", "salary_band_mid", "salary_band_max",
    ]

    /// A row that cannot be imported, and why, in words an HR analyst can act on.
    package struct Rejection: Error, Equatable {
        package var reasons: [String]
    }

    /// Validates one record against the header's column positions.
    package static func event(from fields: [String], columnIndex: [String: Int]) throws(Rejection) -> EmployeeUpserted {
        var reasons: [String] = []
        func text(_ column: String, required: Bool = true) -> String {
            let value = columnIndex[column].flatMap { $0 < fields.count ? fields[$0] : nil }?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if required, value.isEmpty { reasons.append("\(column) is empty") }
            return value
        }
        func money(_ column: String, currency: String) -> Money? {
            let raw = text(column)
            guard !raw.isEmpty else { return nil }
            guard let amount = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                  raw.allSatisfy({ $0.isNumber || $0 == "." }) else {
                reasons.append("\(column) '\(raw)' is not a non-negative decimal amount")
                return nil
            }
            return Money(amount: amount, currency: currency)
        }

        let id = text("employee_id")
        let name = text("name")
        let email = text("email")
        if !email.isEmpty, !(email.contains("@") && !email.hasPrefix("@") && !email.hasSuffix("@")) {
            reasons.append("email '\(email)' is not an e-mail address")
        }
        let managerID = text("manager_id", required: false)
        if !managerID.isEmpty, managerID == id { reasons.append("manager_id is the employee themself") }
        let department = text("department"), jobTitle = text("job_title"), jobLevel = text("job_level")
        let hireText = text("hire_date")
        let hireDate = CalendarDate(hireText)
        if !hireText.isEmpty, hireDate == nil { reasons.append("hire_date '\(hireText)' is not a date (YYYY-MM-DD)") }
        let statusText = text("status")
        let status = EmploymentStatus(rawValue: statusText)
        if !statusText.isEmpty, status == nil {
            reasons.append("status '\(statusText)' is not one of active, on_leave, terminated")
        }
        let currency = text("currency")
        if !currency.isEmpty, !(currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isUppercase }) {
            reasons.append("currency '\(currency)' is not an ISO 4217 code")
        }
        let salary = money("base_salary", currency: currency)
        let bandMin = money("salary_band_min", currency: currency)
        let bandMid = money("salary_band_mid", currency: currency)
        let bandMax = money("salary_band_max", currency: currency)
        if let low = bandMin?.amount, let mid = bandMid?.amount, let high = bandMax?.amount, !(low <= mid && mid <= high) {
            reasons.append("salary band is not ordered: min \(low) ≤ mid \(mid) ≤ max \(high) does not hold")
        }
        guard reasons.isEmpty, let hireDate, let status, let salary, let bandMin, let bandMid, let bandMax else {
            throw Rejection(reasons: reasons)
        }
        return EmployeeUpserted(
            employeeID: id, name: name, email: email, managerID: managerID.isEmpty ? nil : managerID,
            department: department, jobTitle: jobTitle, jobLevel: jobLevel, hireDate: hireDate, status: status,
            baseSalary: salary, salaryBand: SalaryBand(minimum: bandMin, midpoint: bandMid, maximum: bandMax))
    }
}
