import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// A leaver's open goals are flagged for reassignment (or cancellation) by their manager or HR.
    /// - Returns: how many goals were flagged.
    @discardableResult
    public func flagForReassignment(ownerID: String, on connection: PostgresConnection) async throws -> Int {
        try await Audit.identify(actor: "hr.employees", action: "flag-leaver", on: connection)
        return try await connection.execute("""
            UPDATE \(unescaped: goals.schema).goals SET needs_reassignment = true, updated_at = now()
            WHERE owner_id = \(ownerID) AND level = 'employee' AND NOT frozen AND NOT needs_reassignment
              AND status IN ('draft', 'submitted', 'returned', 'approved', 'active')
            """)
    }
}
