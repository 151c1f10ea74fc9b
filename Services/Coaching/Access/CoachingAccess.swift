import StrideContracts
import StridePostgres
import StrideRuntime

/// How a caller stands to a coaching record, from the token and the org projection: the
/// runtime's "self, reporting line, HR" rules, turned into the ``ViewerRelation`` the domain's
/// visibility rules (feedback audiences, private notes, record access) decide on.
struct CoachingAccess: Sendable {
    let org: OrgAccess

    init(directory: OrgDirectory) {
        org = OrgAccess(directory: directory)
    }

    /// Every relation `principal` has to a record about `subjectID` written by `authorID`.
    func relation(
        of principal: Principal, toRecordAbout subjectID: String, authoredBy authorID: String? = nil,
        on connection: PostgresConnection
    ) async throws -> ViewerRelation {
        var relation: ViewerRelation = []
        if let authorID, principal.isSelf(authorID) { relation.insert(.author) }
        switch try await org.relation(of: principal, to: subjectID, on: connection) {
        case .own: relation.insert(.subject)
        case .directManager: relation.formUnion([.directManager, .reportingLine])
        case .reportingLine: relation.insert(.reportingLine)
        case .hr, .service, .unrelated: break
        }
        if principal.isHR { relation.insert(.hr) }
        return relation
    }

    /// - Throws: 404 unless `principal` may see records about `employeeID` (self, reporting line, HR).
    func requireVisible(_ employeeID: String, to principal: Principal, on connection: PostgresConnection) async throws {
        guard try await org.canSee(employeeID, principal: principal, on: connection) else {
            throw Problem.notFound("No employee \(employeeID) is visible to you.")
        }
    }
}
