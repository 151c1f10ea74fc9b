/// The statements of one progress update through the goals service, written out for a bare libpq
/// client: claim the idempotency key, share-lock the period, lock the goal, name the actor for
/// the audit trigger, update the goal, add the history line, add the outbox row and wake the
/// relay, store the response. The outbox row goes to a copy of the outbox table, so the relay
/// does not publish it; the goal, its history and its audit trail are the service's own tables.
enum ProgressTransaction {
    static func statements(schema: String, channel: String) -> [String] {
        [
            """
            INSERT INTO \(schema).idempotency_keys (principal, key, request_hash, status, response_body)
            VALUES ($1, $2, md5($3), 0, '') ON CONFLICT (principal, key) DO NOTHING RETURNING 1
            """,
            """
            SELECT period_id, org_unit_id, name, kind, starts_on::text, ends_on::text, parent_period_id, status
            FROM \(schema).periods WHERE period_id = (SELECT period_id FROM \(schema).goals WHERE goal_id = $1) FOR SHARE
            """,
            "SELECT g.* FROM \(schema).goals g WHERE g.goal_id = $1 FOR UPDATE",
            "SELECT set_config('stride.actor', $1, true), set_config('stride.action', 'progress', true)",
            """
            UPDATE \(schema).goals SET status = 'active', version = version + 1, current_value = $2, progress_percent = $3,
                at_risk = false, updated_at = now()
            WHERE goal_id = $1
            """,
            """
            INSERT INTO \(schema).goal_progress
                (progress_id, goal_id, actor_id, origin, previous_value, current_value, previous_progress, progress, comment, recorded_at)
            VALUES (gen_random_uuid()::text, $1, $2, 'manual', $3, $4, $5, $6, 'weekly update', now())
            """,
            """
            WITH inserted AS (
                INSERT INTO \(schema).bench_raw_outbox (event_id, topic, partition_key, event_type, headers, payload)
                VALUES (gen_random_uuid(), 'stride.goals.v1', $1, 'stride.goals.progress-recorded.v1', $2::json, $3))
            SELECT pg_notify('\(channel)', '')
            """,
            "UPDATE \(schema).idempotency_keys SET status = 201, response_body = $3 WHERE principal = $1 AND key = $2",
        ]
    }

    /// Transaction `index`'s parameters, statement by statement, sized as the service's are.
    static func parameters(_ index: Int, goalID: String, ownerID: String) -> [[String]] {
        let value = (index &* 37) % 1_200
        let key = "raw-\(index)"
        let headers = #"[["ce_specversion","1.0"],["ce_id","01a23fa4-571e-7c81-a386-479f8fa30b80"],["ce_source","/stride/goals"],"#
            + #"["ce_type","stride.goals.progress-recorded.v1"],["ce_time","2026-12-04T05:37:27.446Z"],["ce_subject","\#(goalID)"],"#
            + #"["content-type","application/json"]]"#
        let payload = #"{"goal_id":"\#(goalID)","owner_id":"\#(ownerID)","period_id":"01a23fa5-5b60-796b-a9b3-863403186ce9","#
            + #""progress_id":"01a23fa4-571e-7c81-a386-479f8fa30b80","actor_id":"\#(ownerID)","origin":"manual","kind":"kpi","#
            + #""previous_value":"\#(value / 2)","current_value":"\#(value)","previous_progress_percent":"\#(value / 20)","#
            + #""progress_percent":"\#(value / 10)","comment":"weekly update"}"#
        return [
            [ownerID, key, "POST /v1/goals/\(goalID)/progress\n{\"value\": \"\(value)\", \"comment\": \"weekly update\"}"],
            [goalID],
            [goalID],
            [ownerID],
            [goalID, "\(value)", "\(value / 10)"],
            [goalID, ownerID, "\(value / 2)", "\(value)", "\(value / 20)", "\(value / 10)"],
            [goalID, headers, payload],
            [ownerID, key, payload],
        ]
    }
}
