import Foundation
import StrideContracts

extension EventSamples {
    static let employees: [any StrideEvent] = [
        EmployeeUpserted(
            employeeID: "E-10042", name: "Amira Haddad", email: "amira.haddad@example.com", managerID: "E-10007",
            department: "sales-emea", jobTitle: "Senior Account Executive", jobLevel: "P3",
            hireDate: SampleValues.date(2021, 9, 1), status: .active, baseSalary: SampleValues.eur("72000.00"),
            salaryBand: SalaryBand(
                minimum: SampleValues.eur("60000"), midpoint: SampleValues.eur("75000"),
                maximum: SampleValues.eur("90000"))),
        EmployeeTerminated(
            employeeID: "E-10311", terminationDate: SampleValues.date(2026, 4, 30), reason: "resignation"),
    ]

    static let metrics: [any StrideEvent] = [
        MetricReading(
            source: "salesforce", metricID: "sales.emea.new-arr", value: SampleValues.decimal("1284500.75"),
            unit: "EUR", observedAt: SampleValues.observedAt)
    ]
}
