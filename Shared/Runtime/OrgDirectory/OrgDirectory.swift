import Foundation
import StridePostgres

/// A service's own read model of the org chart, projected from `hr.employees.v1` into
/// `<schema>.org_employees`: who exists, who manages whom, and so who may see or approve what.
///
/// Reporting-line questions walk the manager chain upwards through the primary key, so they
/// cost one index lookup per level whatever the size of the company; a depth guard keeps bad
/// data (a manager cycle) from looping.
public struct OrgDirectory: Sendable {
    /// The deepest chain followed; real organisations are far shallower.
    static let maximumDepth = 256

    /// The schema that holds `org_employees`.
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    /// One employee, or `nil` if the directory has never heard of them.
    public func employee(_ id: String, on connection: PostgresConnection) async throws -> OrgEmployee? {
        try Self.employee(from: try await connection.query(employeeQuery(id)))
    }

    /// The statement of ``employee(_:on:)``, to send with others in one round trip; read its
    /// answer with ``employee(from:)``.
    public func employeeQuery(_ id: String) -> PostgresQuery {
        """
        SELECT employee_id, name, email, manager_id, department, job_title, job_level, status
        FROM \(unescaped: schema).org_employees WHERE employee_id = \(id)
        """
    }

    /// The employee ``employeeQuery(_:)`` found, if any.
    public static func employee(from rows: PostgresRows) throws -> OrgEmployee? {
        try rows.first.map(OrgEmployee.init(row:))
    }

    /// The manager of each of `employeeIDs` that the directory knows one for, in one query.
    public func managers(of employeeIDs: [String], on connection: PostgresConnection) async throws -> [String: String] {
        guard !employeeIDs.isEmpty else { return [:] }
        let rows = try await connection.query("""
            SELECT employee_id, manager_id FROM \(unescaped: schema).org_employees
            WHERE employee_id = ANY(\(employeeIDs)::text[]) AND manager_id IS NOT NULL
            """)
        var managers: [String: String] = [:]
        for row in rows { managers[try row.decode("employee_id")] = try row.decode("manager_id", as: String.self) }
        return managers
    }

    /// Whether `employeeID` reports to `managerID`, directly or through any number of levels.
    /// An employee is not in their own reporting line.
    public func isInReportingLine(_ employeeID: String, of managerID: String, on connection: PostgresConnection) async throws -> Bool {
        try await managerChain(of: employeeID, on: connection).contains(managerID)
    }

    /// The managers above `employeeID`, nearest first, up to the top of the organisation.
    public func managerChain(of employeeID: String, on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            WITH RECURSIVE chain (manager_id, depth) AS (
                SELECT manager_id, 1 FROM \(unescaped: schema).org_employees WHERE employee_id = \(employeeID)
                UNION ALL
                SELECT e.manager_id, c.depth + 1
                FROM chain c JOIN \(unescaped: schema).org_employees e ON e.employee_id = c.manager_id
                WHERE c.depth < \(Self.maximumDepth)
            )
            SELECT manager_id FROM chain WHERE manager_id IS NOT NULL ORDER BY depth
            """)
        var seen = Set<String>()
        // A cycle in bad HR data repeats ids; stop at the first repeat.
        return try rows.lazy.map { try $0.decode(0, as: String.self) }.prefix { seen.insert($0).inserted }
    }

    /// Everyone below `managerID`, at any depth.
    public func reportingLine(of managerID: String, on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT id FROM \(unescaped: schema).reporting_line(\(managerID)) AS id ORDER BY id
            """)
        return try rows.map { try $0.decode(0, as: String.self) }
    }

    /// The employees whose manager is `managerID`.
    public func directReports(of managerID: String, on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT employee_id FROM \(unescaped: schema).org_employees WHERE manager_id = \(managerID) ORDER BY employee_id
            """)
        return try rows.map { try $0.decode(0, as: String.self) }
    }
}

/// What the org directory knows of one employee.
public struct OrgEmployee: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var email: String
    public var managerID: String?
    public var department: String
    public var jobTitle: String
    public var jobLevel: String
    /// `active`, `on_leave` or `terminated`.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case id, name, email, department, status
        case managerID = "manager_id"
        case jobTitle = "job_title"
        case jobLevel = "job_level"
    }

    init(row: PostgresRow) throws {
        id = try row.decode("employee_id")
        name = try row.decode("name")
        email = try row.decode("email")
        managerID = try row.decode("manager_id", as: String?.self)
        department = try row.decode("department")
        jobTitle = try row.decode("job_title")
        jobLevel = try row.decode("job_level")
        status = try row.decode("status")
    }
}
