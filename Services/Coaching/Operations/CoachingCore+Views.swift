import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var views: ViewStore { ViewStore(schema: schema) }

    /// Every coaching record about `employeeID` that `principal` may see, newest first: check-ins,
    /// 1:1s (never their notes), feedback as its audience allows, evidence, nudges, improvement
    /// plans and feedback interviews.
    /// - Throws: 404 when `principal` may not see the employee's records at all.
    func timeline(of employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection) async throws -> Page<TimelineEntry> {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        let relation = try await access.relation(of: principal, toRecordAbout: employeeID, on: connection)
        let audiences = FeedbackAudience.allCases.filter { $0.canSee(relation) }.map(\.rawValue)
        let rows = try await views.timeline(
            of: employeeID, after: try page.cursorKey(as: TimelineKey.self), audiences: audiences, viewerID: principal.subject,
            limit: page.fetchLimit, on: connection)
        let keys = Dictionary(rows.map { ($0.entry.recordID, $0.key) }, uniquingKeysWith: { first, _ in first })
        return try Page(rows: rows.map(\.entry), request: page) { keys[$0.recordID] ?? TimelineKey(at: "", id: $0.recordID) }
    }

    /// The team board of `managerID`: one row per active direct report, in id order.
    /// - Throws: 404 unless `principal` is the manager, above them, or HR.
    func teamBoard(of managerID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection) async throws -> Page<TeamBoardRow> {
        try await access.requireVisible(managerID, to: principal, on: connection)
        let rows = try await views.teamBoard(
            of: managerID, after: try page.cursorKey(as: String.self), today: today, graceDays: settings.overdueGraceDays,
            limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page) { $0.employeeID }
    }

    /// Completion rates per department between `from` and `through` (HR only).
    func completion(
        department: String?, from: CalendarDate?, through: CalendarDate?, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<CompletionReportRow> {
        try principal.require(anyOf: [.hr, .admin])
        let through = through ?? today
        let from = from ?? through.adding(days: -90)
        guard from <= through else { throw Problem.validation(field: "from", "must not be after `to`") }
        return Page(
            items: try await views.completion(
                department: department, from: from, through: through, today: today, graceDays: settings.overdueGraceDays,
                on: connection),
            nextCursor: nil)
    }
}
