import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    /// The phases in which a joiner is still added to a cycle whose population rule includes
    /// them: while self, peer and upward reviews can still be written.
    static let joinerPhases: [CyclePhase] = [.selfReview, .nominations, .peerReviews]

    /// The phases in which a leaver is withdrawn: until the results are released. A released
    /// appraisal stands.
    static let leaverPhases: [CyclePhase] = [.selfReview, .nominations, .peerReviews, .managerReview, .calibration]

    /// What appraisal does with `hr.employees.v1` on top of the runtime's org projection (which
    /// has applied the event first): people who join mid-cycle are added to the open cycles
    /// whose population rules include them, with their opening review requests; people who leave
    /// are withdrawn — their appraisal and every review they were still to write or receive.
    func employeeEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(EmployeeTerminated.self) { termination, _, connection in
            try await withdrawLeaver(termination.employeeID, on: connection)
        }
        router.on(EmployeeUpserted.self) { employee, _, connection in
            if employee.status == .terminated {
                try await withdrawLeaver(employee.employeeID, on: connection)
            } else if employee.status == .active {
                try await admitJoiner(employee.employeeID, on: connection)
            }
        }
        return router
    }

    /// Adds `employeeID` to every cycle still in ``joinerPhases`` whose population includes them
    /// and which does not have them yet, and requests their opening reviews (announced).
    func admitJoiner(_ employeeID: String, on connection: PostgresConnection) async throws {
        let open = try await cycles.cycles(in: Self.joinerPhases, on: connection)
        guard !open.isEmpty else { return }
        try await Audit.identify(actor: Self.populationActor, action: "admit_joiner", on: connection)
        for cycle in open {
            guard try await cycles.addParticipants(of: cycle.cycleID, cycle.population, only: employeeID, on: connection) > 0 else { continue }
            let terms = try await terms(ofCycle: cycle.cycleID, on: connection)
            _ = try await cycles.requestOpeningReviews(
                of: cycle.cycleID, groups: weighedGroups(terms), dueOn: Self.dueDates(of: cycle), only: employeeID,
                by: Self.populationActor, source: outbox.source, time: Date(), on: connection)
            try await connection.execute("SELECT pg_notify(\(outbox.channel), '')")
            logger.info("joiner added to an open cycle", metadata: ["employee.id": "\(employeeID)", "cycle.id": "\(cycle.cycleID)"])
        }
    }

    /// Withdraws `employeeID` from every cycle still in ``leaverPhases``.
    func withdrawLeaver(_ employeeID: String, on connection: PostgresConnection) async throws {
        try await Audit.identify(actor: Self.populationActor, action: "withdraw_leaver", on: connection)
        let changed = try await cycles.withdraw(employeeID, from: Self.leaverPhases, on: connection)
        for cycleID in changed {
            logger.info("leaver withdrawn from an open cycle", metadata: ["employee.id": "\(employeeID)", "cycle.id": "\(cycleID)"])
        }
    }

    /// Who the audit trail names for changes the population rules make.
    static let populationActor = "hr.employees"
}
