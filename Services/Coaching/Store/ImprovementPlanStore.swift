import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for `improvement_plans` and `plan_checkpoints`. Objectives and support are `jsonb`
/// (read and written whole); checkpoints are rows, one per planned review.
struct ImprovementPlanStore: Sendable {
    let schema: String

    /// A plan as stored: the domain's plan and what only the row keeps.
    struct StoredPlan: Sendable {
        var plan: ImprovementPlan
        var approvedAt: Date?
        var closedOn: CalendarDate?
        var closingReason: String?
        var createdAt: Date
        var updatedAt: Date
        var version: Int
    }

    static let columns = """
        plan_id, employee_id, manager_id, hr_partner_id, appraisal_id, author_id, status, reason, starts_on, ends_on,
        objectives::text AS objectives, support::text AS support, approved_by, approved_at, acknowledged_on,
        extension_count, closed_on, closing_reason, created_at, updated_at, version
        """

    /// One plan with its checkpoints, or nil; `forUpdate` locks it against concurrent changes.
    func plan(_ planID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> StoredPlan? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).improvement_plans WHERE plan_id = \(planID)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        guard let row = rows.first else { return nil }
        return try Self.plan(from: row, checkpoints: try await checkpoints(of: [planID], on: connection)[planID] ?? [])
    }

    /// An employee's plans, newest first, after the keyset position `after` (a plan id).
    func plans(
        of employeeID: String, after: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [StoredPlan] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).improvement_plans
            WHERE employee_id = \(employeeID) AND (\(after)::text IS NULL OR plan_id < \(after))
            ORDER BY plan_id DESC LIMIT \(limit)
            """)
        let ids = try rows.map { try $0.decode("plan_id", as: String.self) }
        let checkpoints = try await checkpoints(of: ids, on: connection)
        return try rows.map { row in try Self.plan(from: row, checkpoints: checkpoints[try row.decode("plan_id")] ?? []) }
    }

    /// Adds a new (draft) plan and its checkpoints.
    func insert(_ plan: ImprovementPlan, on connection: PostgresConnection) async throws {
        let content = plan.content
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).improvement_plans
                (plan_id, employee_id, manager_id, hr_partner_id, appraisal_id, author_id, status, reason, starts_on, ends_on,
                 objectives, support)
            VALUES (\(plan.planID), \(plan.employeeID), \(content.managerID), \(content.hrPartnerID), \(content.appraisalID),
                    \(plan.authorID), \(plan.status.rawValue), \(content.reason), \(content.startsOn), \(content.endsOn),
                    \(try Self.json(content.objectives))::jsonb, \(try Self.json(Self.supportRows(content.support)))::jsonb)
            """)
        try await saveCheckpoints(of: plan, on: connection)
    }

    /// Writes back every mutable part of `plan`, bumping its version.
    /// - Parameters:
    ///   - approvedAt: set when the plan is approved now.
    ///   - closedOn: set when the plan closes now (succeeded or failed).
    ///   - closingReason: the reason of that closing.
    /// - Returns: the new version.
    @discardableResult
    func update(
        _ plan: ImprovementPlan, approvedAt: Date? = nil, closedOn: CalendarDate? = nil, closingReason: String? = nil,
        on connection: PostgresConnection
    ) async throws -> Int {
        let content = plan.content
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).improvement_plans SET
                hr_partner_id = \(content.hrPartnerID), appraisal_id = \(content.appraisalID), status = \(plan.status.rawValue),
                reason = \(content.reason), starts_on = \(content.startsOn), ends_on = \(content.endsOn),
                objectives = \(try Self.json(content.objectives))::jsonb,
                support = \(try Self.json(Self.supportRows(content.support)))::jsonb,
                approved_by = \(plan.approvedBy), approved_at = coalesce(\(approvedAt), approved_at),
                acknowledged_on = \(plan.acknowledgedOn), extension_count = \(plan.extensionCount),
                closed_on = coalesce(\(closedOn), closed_on), closing_reason = coalesce(\(closingReason), closing_reason),
                updated_at = now(), version = version + 1
            WHERE plan_id = \(plan.planID)
            RETURNING version
            """)
        try await saveCheckpoints(of: plan, on: connection)
        return try rows.first?.decode("version") ?? 0
    }

    /// Upserts the plan's checkpoints and removes those it no longer has (a revised draft).
    private func saveCheckpoints(of plan: ImprovementPlan, on connection: PostgresConnection) async throws {
        let ids = plan.checkpoints.map(\.checkpointID)
        try await connection.execute("""
            DELETE FROM \(unescaped: schema).plan_checkpoints
            WHERE plan_id = \(plan.planID) AND NOT (checkpoint_id = ANY(\(ids)::text[]))
            """)
        for checkpoint in plan.checkpoints {
            let review = checkpoint.review
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).plan_checkpoints AS c
                    (plan_id, checkpoint_id, due_on, reviewed_on, reviewer_id, assessment, objectives_met, notes)
                VALUES (\(plan.planID), \(checkpoint.checkpointID), \(checkpoint.dueOn), \(review?.reviewedOn),
                        \(review?.reviewerID), \(review?.assessment.rawValue), \(review?.objectivesMet), \(review?.notes))
                ON CONFLICT (plan_id, checkpoint_id) DO UPDATE SET
                    due_on = EXCLUDED.due_on, reviewed_on = EXCLUDED.reviewed_on, reviewer_id = EXCLUDED.reviewer_id,
                    assessment = EXCLUDED.assessment, objectives_met = EXCLUDED.objectives_met, notes = EXCLUDED.notes
                WHERE (c.due_on, c.reviewed_on, c.reviewer_id, c.assessment, c.objectives_met, c.notes)
                      IS DISTINCT FROM (EXCLUDED.due_on, EXCLUDED.reviewed_on, EXCLUDED.reviewer_id, EXCLUDED.assessment,
                                        EXCLUDED.objectives_met, EXCLUDED.notes)
                """)
        }
    }

    /// The checkpoints of `planIDs`, by plan, in date order.
    private func checkpoints(of planIDs: [String], on connection: PostgresConnection) async throws -> [String: [PlanCheckpoint]] {
        guard !planIDs.isEmpty else { return [:] }
        let rows = try await connection.query("""
            SELECT plan_id, checkpoint_id, due_on, reviewed_on, reviewer_id, assessment, objectives_met, notes
            FROM \(unescaped: schema).plan_checkpoints WHERE plan_id = ANY(\(planIDs)::text[])
            ORDER BY plan_id, due_on, checkpoint_id
            """)
        var byPlan: [String: [PlanCheckpoint]] = [:]
        for row in rows {
            var review: CheckpointReview?
            if let reviewedOn = try row.decode("reviewed_on", as: CalendarDate?.self),
                let assessment = CheckpointAssessment(rawValue: try row.decode("assessment", as: String?.self) ?? "")
            {
                review = CheckpointReview(
                    reviewerID: try row.decode("reviewer_id", as: String?.self) ?? "", reviewedOn: reviewedOn,
                    assessment: assessment, objectivesMet: try row.decode("objectives_met", as: Int?.self) ?? 0,
                    notes: try row.decode("notes"))
            }
            byPlan[try row.decode("plan_id"), default: []].append(
                PlanCheckpoint(checkpointID: try row.decode("checkpoint_id"), dueOn: try row.decode("due_on"), review: review))
        }
        return byPlan
    }

    static func plan(from row: PostgresRow, checkpoints: [PlanCheckpoint]) throws -> StoredPlan {
        let objectives = try JSONBody.decoder.decode(
            [ImprovementObjective].self, from: Data(try row.decode("objectives", as: String.self).utf8))
        let support = try JSONBody.decoder.decode(
            [SupportOfferResponse].self, from: Data(try row.decode("support", as: String.self).utf8))
        let content = ImprovementPlanDraft(
            employeeID: try row.decode("employee_id"), managerID: try row.decode("manager_id"),
            hrPartnerID: try row.decode("hr_partner_id"), appraisalID: try row.decode("appraisal_id"),
            reason: try row.decode("reason"), startsOn: try row.decode("starts_on"), endsOn: try row.decode("ends_on"),
            objectives: objectives, support: support.map { SupportOffer(kind: $0.kind, detail: $0.detail) },
            checkpoints: checkpoints)
        let plan = ImprovementPlan(
            planID: try row.decode("plan_id"), authorID: try row.decode("author_id"), content: content,
            status: ImprovementPlanStatus(rawValue: try row.decode("status")) ?? .draft,
            approvedBy: try row.decode("approved_by"), acknowledgedOn: try row.decode("acknowledged_on"),
            extensionCount: try row.decode("extension_count"))
        return StoredPlan(
            plan: plan, approvedAt: try row.decode("approved_at"), closedOn: try row.decode("closed_on"),
            closingReason: try row.decode("closing_reason"), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }

    static func supportRows(_ support: [SupportOffer]) -> [SupportOfferResponse] {
        support.map { SupportOfferResponse(kind: $0.kind, detail: $0.detail) }
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONBody.encoder.encode(value), as: UTF8.self)
    }
}
