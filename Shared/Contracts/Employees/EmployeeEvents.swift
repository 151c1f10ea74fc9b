/// The HRIS's current record of one employee (`hr.employees.v1`, compacted, key employee id).
///
/// Every service projects these into its org directory: reporting lines for access rules,
/// department for budgets, salary and band for merit. The newest record per employee wins.
public struct EmployeeUpserted: StrideEvent {
    public static let eventType = "hr.employees.employee.upserted.v1"
    public static let topic = StrideTopic.employees
    public var partitionKey: String { employeeID }

    /// The HRIS employee id.
    public var employeeID: String
    /// Display name.
    public var name: String
    /// Work email.
    public var email: String
    /// The direct manager's employee id; `nil` at the top of the org chart.
    public var managerID: String?
    /// The department (org unit) the employee belongs to, e.g. `sales-emea`.
    public var department: String
    /// Job title, e.g. `Senior Account Executive`.
    public var jobTitle: String
    /// Job level or grade, e.g. `P3`.
    public var jobLevel: String
    /// First day of employment.
    public var hireDate: CalendarDate
    /// Employment status.
    public var status: EmploymentStatus
    /// Annual base salary.
    public var baseSalary: Money
    /// The salary band of the job level.
    public var salaryBand: SalaryBand

    /// Creates the event.
    public init(
        employeeID: String, name: String, email: String, managerID: String?, department: String, jobTitle: String,
        jobLevel: String, hireDate: CalendarDate, status: EmploymentStatus, baseSalary: Money, salaryBand: SalaryBand
    ) {
        self.employeeID = employeeID
        self.name = name
        self.email = email
        self.managerID = managerID
        self.department = department
        self.jobTitle = jobTitle
        self.jobLevel = jobLevel
        self.hireDate = hireDate
        self.status = status
        self.baseSalary = baseSalary
        self.salaryBand = salaryBand
    }

    private enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case name
        case email
        case managerID = "manager_id"
        case department
        case jobTitle = "job_title"
        case jobLevel = "job_level"
        case hireDate = "hire_date"
        case status
        case baseSalary = "base_salary"
        case salaryBand = "salary_band"
    }
}

/// An employee left the company (`hr.employees.v1`, key employee id).
///
/// - Important: The topic is compacted, so this record replaces the employee's last
///   ``EmployeeUpserted``. Projections mark the employee terminated and keep their history.
public struct EmployeeTerminated: StrideEvent {
    public static let eventType = "hr.employees.employee.terminated.v1"
    public static let topic = StrideTopic.employees
    public var partitionKey: String { employeeID }

    /// The HRIS employee id.
    public var employeeID: String
    /// The last day of employment.
    public var terminationDate: CalendarDate
    /// The HRIS reason category, e.g. `resignation`, when shared.
    public var reason: String?

    /// Creates the event.
    public init(employeeID: String, terminationDate: CalendarDate, reason: String?) {
        self.employeeID = employeeID
        self.terminationDate = terminationDate
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case terminationDate = "termination_date"
        case reason
    }
}
