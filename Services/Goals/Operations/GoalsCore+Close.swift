import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

/// What closing a period did.
public struct PeriodCloseResult: Sendable, Codable, Equatable {
    public var period: GoalPeriod
    /// Goals frozen.
    public var goalCount: Int
    /// Employees whose attainment was finalized (one `AttainmentFinalized` each).
    public var ownerCount: Int

    enum CodingKeys: String, CodingKey {
        case period
        case goalCount = "goal_count"
        case ownerCount = "owner_count"
    }
}

extension GoalsCore {
    /// How many employees' goals are read, scored and written per round trip at close.
    static let closeChunkSize = 5_000

    /// Closes a period in one transaction: freezes every goal with one statement, scores every
    /// employee's goals, writes their attainment and one `AttainmentFinalized` each through the
    /// outbox in chunks of set-based statements, then `GoalPeriodClosed`. Concurrent goal writes
    /// wait on the period's row lock; a crash part-way leaves the period open and nothing emitted.
    public func closePeriod(_ periodID: String, by principal: Principal) async throws -> PeriodCloseResult {
        try principal.require(anyOf: [.hr, .admin])
        let started = ContinuousClock.now
        let result = try await pool.transaction { connection in
            guard let period = try await periods.period(periodID, forUpdate: true, on: connection) else {
                throw Problem.notFound("No goal period \(periodID).")
            }
            guard period.status == .open else { throw Problem.conflict("Goal period \(period.name) is already closed.") }
            let schema = goals.schema
            // One audit row for the period instead of one per frozen goal.
            try await Audit.suspendRowAudit(on: connection)
            try await audit.record(
                table: "periods", recordID: periodID, action: "close", before: #"{"status": "open"}"#,
                after: #"{"status": "closed"}"#, actor: principal.subject, on: connection)
            let goalCount = try await connection.execute("""
                UPDATE \(unescaped: schema).goals SET frozen = true, updated_at = now() WHERE period_id = \(periodID)
                """)
            // Scoring and encoding chunk k (CPU, every core) overlaps writing chunk k − 1 and reading
            // chunk k + 1 (the database). Reads only touch goals and writes only attainments and the
            // outbox, so reading ahead changes nothing that is written.
            var ownerCount = 0
            var rows = try await employeeGoals(in: periodID, after: "", on: connection)
            var previous: ClosingChunk?
            while let last = rows.last {
                let current = rows
                async let scored = score(current, period: period, actor: principal.subject)
                if let previous { try await record(previous, period: period, actor: principal.subject, on: connection) }
                let next = try await employeeGoals(in: periodID, after: try last.decode("owner_id"), on: connection)
                let chunk = try await scored
                ownerCount += chunk.finalized.count
                previous = chunk
                rows = next
            }
            if let previous { try await record(previous, period: period, actor: principal.subject, on: connection) }
            let closedAt = Date()
            try await periods.markClosed(
                periodID, by: principal.subject, at: closedAt, goalCount: goalCount, ownerCount: ownerCount, on: connection)
            try await outbox.enqueue(
                GoalPeriodClosed(
                    periodID: periodID, orgUnitID: period.orgUnitID, name: period.name, kind: period.kind,
                    startsOn: period.startsOn, endsOn: period.endsOn, actorID: principal.subject, goalCount: goalCount,
                    ownerCount: ownerCount),
                on: connection)
            guard let closed = try await periods.period(periodID, on: connection) else { throw Problem.notFound("No goal period \(periodID).") }
            return PeriodCloseResult(period: closed, goalCount: goalCount, ownerCount: ownerCount)
        }
        let elapsed = ContinuousClock.now - started
        GoalsMetrics.periodClosed(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, owners: result.ownerCount)
        logger.info("period closed", metadata: [
            "goals.period": "\(periodID)", "goals.frozen": "\(result.goalCount)", "goals.owners": "\(result.ownerCount)",
            "goals.seconds": "\(elapsed)",
        ])
        return result
    }

    /// Scores each owner's goals (sorted by owner) under the current policy.
    func finalize(_ goals: [Goal], period: GoalPeriod, actor: String) throws -> [AttainmentFinalized] {
        var result: [AttainmentFinalized] = []
        var start = goals.startIndex
        while start < goals.endIndex {
            let owner = goals[start].ownerID
            var end = start
            while end < goals.endIndex, goals[end].ownerID == owner { end += 1 }
            let lines = goals[start..<end].map { goal in
                let attainment = Attainment.percent(of: goal.measurement, policy: settings.policy)
                return GoalAttainment(
                    goalID: goal.goalID, title: goal.definition.title, kind: goal.definition.kind, status: goal.status,
                    weight: goal.definition.weight, attainmentPercent: attainment,
                    weightedPoints: Attainment.weightedPoints(weight: goal.definition.weight, attainment: attainment, status: goal.status))
            }
            let total = Attainment.weightedTotal(lines.map {
                WeightedAttainment(weight: $0.weight, attainmentPercent: $0.attainmentPercent, status: $0.status)
            })
            result.append(AttainmentFinalized(
                employeeID: owner, periodID: period.periodID, periodStartsOn: period.startsOn, periodEndsOn: period.endsOn,
                actorID: actor, version: 1, goals: lines, weightedAttainmentPercent: total))
            start = end
        }
        return result
    }

    /// The employee-level goals of the next ``closeChunkSize`` owners after `afterOwner`, sorted by
    /// owner and goal.
    func employeeGoals(in periodID: String, after afterOwner: String, on connection: PostgresConnection) async throws -> PostgresRows {
        let schema = goals.schema
        return try await connection.query("""
            SELECT \(unescaped: GoalStore.columns) FROM \(unescaped: schema).goals g
            WHERE g.period_id = \(periodID) AND g.level = 'employee' AND g.owner_id IN (
                SELECT DISTINCT owner_id FROM \(unescaped: schema).goals
                WHERE period_id = \(periodID) AND level = 'employee' AND owner_id > \(afterOwner)
                ORDER BY owner_id LIMIT \(Self.closeChunkSize))
            ORDER BY g.owner_id, g.goal_id
            """)
    }

    /// Decodes, scores and encodes a chunk's goal rows (sorted by owner), in one slice per core,
    /// each slice whole owners: the CPU-bound part of a close.
    func score(_ rows: PostgresRows, period: GoalPeriod, actor: String) async throws -> ClosingChunk {
        let slices = try Self.ownerSlices(rows, count: rows.count >= 2_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1)
        return try await withThrowingTaskGroup(of: (Int, ClosingChunk).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask {
                    let finalized = try finalize(try slice.map { try Goal(row: rows[$0]) }, period: period, actor: actor)
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    let lines = try finalized.map { String(decoding: try encoder.encode($0.goals), as: UTF8.self) }
                    return (index, ClosingChunk(finalized: finalized, lines: lines, events: try finalized.map { try outbox.encode($0) }))
                }
            }
            var parts = [ClosingChunk?](repeating: nil, count: slices.count)
            for try await (index, part) in group { parts[index] = part }
            return parts.reduce(into: ClosingChunk()) { chunk, part in
                if let part { chunk.append(part) }
            }
        }
    }

    /// About `count` equal ranges of `rows`, each boundary moved forward to where the owner changes.
    static func ownerSlices(_ rows: PostgresRows, count: Int) throws -> [Range<Int>] {
        func owner(_ index: Int) throws -> String { try rows[index].decode("owner_id") }
        var bounds = [0]
        for part in 1..<max(count, 1) {
            var cut = rows.count * part / count
            guard cut > bounds[bounds.count - 1] else { continue }
            while cut < rows.count, try owner(cut) == owner(cut - 1) { cut += 1 }
            if cut < rows.count { bounds.append(cut) }
        }
        bounds.append(rows.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Writes a chunk's attainment rows and events, each with one `COPY`.
    func record(_ chunk: ClosingChunk, period: GoalPeriod, actor: String, on connection: PostgresConnection) async throws {
        _ = try await connection.copyIn(
            "COPY \(goals.schema).attainments (period_id, employee_id, weighted_percent, goals, finalized_by) FROM STDIN",
            rows: zip(chunk.finalized, chunk.lines).map { finalized, lines -> [(any PostgresEncodable)?] in
                [period.periodID, finalized.employeeID, finalized.weightedAttainmentPercent, lines, actor]
            })
        try await outbox.enqueue(chunk.events, on: connection)
    }
}

/// A chunk of owners scored at close: their attainments, each one's goal lines as the
/// `attainments.goals` JSON, and their encoded `AttainmentFinalized` events.
struct ClosingChunk: Sendable {
    var finalized: [AttainmentFinalized] = []
    var lines: [String] = []
    var events: [EncodedEvent] = []

    mutating func append(_ other: ClosingChunk) {
        finalized += other.finalized
        lines += other.lines
        events += other.events
    }
}
