import Hummingbird
import StridePostgres
import StrideContracts
import StrideRuntime

/// The service the demo runs on the runtime until the domain services exist: an org-directory
/// lookup with Stride's access rules (yourself, your reporting line, or HR).
enum DirectoryDemoService {
    static func definition(schema: String) -> ServiceDefinition {
        ServiceDefinition(name: schema) { api, environment in
            api.get("org/employees/:id") { _, context -> OrgEmployeeView in
                let principal = try context.requirePrincipal()
                let id = try context.parameters.require("id")
                return try await environment.pool.withConnection { connection in
                    let directory = environment.directory
                    let visible = principal.subject == id || principal.roles.contains(.hr) || principal.roles.contains(.admin)
                        ? true : try await directory.isInReportingLine(id, of: principal.subject, on: connection)
                    // Someone outside the reporting line learns nothing, not even that the id exists.
                    guard visible, let employee = try await directory.employee(id, on: connection) else {
                        throw Problem.notFound("No employee \(id) is visible to you.")
                    }
                    return OrgEmployeeView(
                        employee: employee, managerChain: try await directory.managerChain(of: id, on: connection),
                        directReports: try await directory.directReports(of: id, on: connection))
                }
            }
        }
    }
}

/// An employee as the demo's API shows them.
struct OrgEmployeeView: ResponseEncodable {
    var employee: OrgEmployee
    var managerChain: [String]
    var directReports: [String]

    enum CodingKeys: String, CodingKey {
        case employee
        case managerChain = "manager_chain"
        case directReports = "direct_reports"
    }
}
