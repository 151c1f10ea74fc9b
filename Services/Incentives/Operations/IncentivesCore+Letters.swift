import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    /// An employee's compensation letter: theirs once HR has released the cycle; their reporting
    /// line and HR at any time after approval. - Throws: 404 to anyone else, and to the employee
    /// before release or when nothing of theirs is approved.
    func letter(in cycleID: String, of employeeID: String, for principal: Principal, on connection: PostgresConnection) async throws -> CompensationLetter {
        let missing = Problem.notFound("No compensation letter for \(employeeID) in \(cycleID).")
        guard let cycle = try await cycles.cycle(cycleID, on: connection) else { throw missing }
        let relation = try await access.relation(of: principal, to: employeeID, on: connection)
        switch relation {
        case .own: guard cycle.status == "released" else { throw missing }
        case .directManager, .reportingLine, .hr, .service: break
        case .unrelated: throw missing
        }
        let own = try await recommendations.page(
            of: cycleID, filter: RecommendationFilter(status: "approved", employeeID: employeeID), manager: nil, after: nil, limit: 10,
            on: connection)
        let made = try await changes.changes(of: employeeID, in: cycleID, on: connection)
        let promotion = try await careers.promotion(of: employeeID, in: cycleID, on: connection).flatMap { $0.status == "accepted" ? $0 : nil }
        guard !own.isEmpty || promotion != nil else { throw missing }
        let merit = own.first { $0.kind == .merit }
        let bonus = own.first { $0.kind == .bonus }
        let any = merit ?? bonus
        return CompensationLetter(
            compCycleID: cycleID, cycleName: cycle.name, employeeID: employeeID,
            rating: any.map { Rating(level: $0.ratingLevel, label: $0.ratingLabel, scaleMaximum: $0.scaleMax) },
            currentSalary: any?.currentSalary, meritPercent: merit?.percent, meritIncrease: merit?.amount, lumpSum: merit?.lumpSum,
            newSalary: merit?.newSalary, effectiveDate: cycle.effectiveDate, bonus: bonus?.amount, payoutDate: cycle.payoutDate,
            promotion: promotion, changes: made)
    }
}
