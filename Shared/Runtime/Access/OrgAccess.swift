import StridePostgres

/// Who may see, write and decide on records about an employee, from the token's roles and the
/// service's org projection: the rules every Stride service shares, with each service's own
/// rules on top.
///
/// - **See**: the employee, anyone in their reporting line (their manager, that manager's
///   manager, …), HR and service tokens. Everyone else gets 404, as for a record that does not
///   exist, so a stranger learns nothing.
/// - **Write** (records about the employee: goals, notes, evidence): the employee, their
///   reporting line, HR.
/// - **Decide** (approve, return, calibrate, resolve): the employee's direct manager or HR — and,
///   by separation of duties, **never on one's own records**, whatever one's roles: HR's own goals
///   are approved by their manager or another HR person.
public struct OrgAccess: Sendable {
    /// How a principal stands to an employee.
    public enum Relation: Sendable, Equatable {
        /// The employee themselves.
        case own
        /// Their direct manager.
        case directManager
        /// Above the direct manager in the reporting line.
        case reportingLine
        /// HR (or an admin) with no closer relation.
        case hr
        /// A service token.
        case service
        /// Nobody who may see the employee's records.
        case unrelated
    }

    public let directory: OrgDirectory

    public init(directory: OrgDirectory) {
        self.directory = directory
    }

    /// How `principal` stands to `employeeID`, the closest relation first.
    public func relation(of principal: Principal, to employeeID: String, on connection: PostgresConnection) async throws -> Relation {
        if principal.isSelf(employeeID) { return .own }
        if let employee = try await directory.employee(employeeID, on: connection), employee.managerID == principal.subject {
            return .directManager
        }
        if try await directory.isInReportingLine(employeeID, of: principal.subject, on: connection) { return .reportingLine }
        if principal.isHR { return .hr }
        if principal.isService { return .service }
        return .unrelated
    }

    /// Whether `principal` may see records about `employeeID`.
    public func canSee(_ employeeID: String, principal: Principal, on connection: PostgresConnection) async throws -> Bool {
        if principal.isHR || principal.isService || principal.isSelf(employeeID) { return true }
        return try await directory.isInReportingLine(employeeID, of: principal.subject, on: connection)
    }

    /// - Throws: `notFound` (a 404 problem) when `principal` may not see records about `employeeID`.
    public func requireVisible(
        _ employeeID: String, principal: Principal, on connection: PostgresConnection, notFound: @autoclosure () -> Problem
    ) async throws {
        guard try await canSee(employeeID, principal: principal, on: connection) else { throw notFound() }
    }

    /// - Throws: 403 unless `principal` is the employee, in their reporting line, or HR.
    public func requireWriter(of employeeID: String, principal: Principal, on connection: PostgresConnection) async throws {
        if principal.isHR || principal.isSelf(employeeID) { return }
        guard try await directory.isInReportingLine(employeeID, of: principal.subject, on: connection) else {
            throw Problem.forbidden("You may only write records of yourself and of your reporting line.")
        }
    }

    /// - Throws: 403 when `principal` would decide on their own record (separation of duties),
    ///   or is neither the employee's direct manager nor (when `allowHR`) HR.
    public func requireDecider(
        on employeeID: String, principal: Principal, allowHR: Bool = true, action: String = "decide on",
        on connection: PostgresConnection
    ) async throws {
        guard !principal.isSelf(employeeID) else {
            throw Problem.forbidden("Nobody may \(action) their own records: ask your manager or another HR partner.")
        }
        if allowHR, principal.isHR { return }
        guard try await directory.employee(employeeID, on: connection)?.managerID == principal.subject else {
            throw Problem.forbidden("Only \(employeeID)'s manager\(allowHR ? " or HR" : "") may \(action) their records.")
        }
    }
}
