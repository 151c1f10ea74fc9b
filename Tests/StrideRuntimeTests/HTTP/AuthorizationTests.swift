import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

@Suite("Role checks")
struct AuthorizationTests {
    @Test func employeeIsForbiddenFromHROnlyRoute() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(roles: [.employee, .manager])
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/hr-only", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                let body = try expectProblem(response, status: .forbidden)
                #expect(body["type"] as? String == "https://stride.dev/problems/forbidden")
                #expect((body["detail"] as? String)?.contains("admin, hr") == true)
            }
        }
    }

    @Test(arguments: [Role.hr, Role.admin])
    func hrAndAdminMayUseHROnlyRoute(role: Role) async throws {
        let app = try await HTTPTestApp.makeApplication()
        let token = try await HTTPTestApp.token(roles: [role])
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/hr-only", method: .get, headers: HTTPTestApp.bearer(token)) { response in
                #expect(response.status == .noContent)
            }
        }
    }

    @Test func ownRecordsOrHR() async throws {
        let app = try await HTTPTestApp.makeApplication()
        let own = try await HTTPTestApp.token(subject: "E1", roles: [.employee])
        let hr = try await HTTPTestApp.token(subject: "H1", roles: [.hr])
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/employees/E1/goals", method: .get, headers: HTTPTestApp.bearer(own)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/v1/employees/E2/goals", method: .get, headers: HTTPTestApp.bearer(own)) {
                try expectProblem($0, status: .forbidden)
            }
            try await client.execute(uri: "/v1/employees/E2/goals", method: .get, headers: HTTPTestApp.bearer(hr)) {
                #expect($0.status == .noContent)
            }
        }
    }

    @Test func principalHelpers() {
        let admin = Principal(subject: "A1", roles: [.admin])
        #expect(admin.isHR && admin.isAdmin && !admin.isManager)
        let manager = Principal(subject: "M1", roles: [.employee, .manager])
        #expect(manager.isManager && !manager.isHR)
        #expect(throws: Problem.self) { try manager.require(anyOf: [.hr]) }
        #expect(throws: Never.self) { try manager.require(anyOf: [.manager, .hr]) }
    }
}
