import StridePostgres

extension GoalsMigrations {
    /// The goals coaching suggested in feedback interviews (`FeedbackInterviewCompleted`), one row
    /// per suggestion, keyed by the interview and the suggestion's position in it, so a redelivered
    /// or duplicated interview (another event id) adds nothing. A row is pending until it becomes a
    /// draft goal (`goal_id`, `period_id`, `drafted_at` set): while the employee is unknown to the
    /// org projection or no goal period is open for it, it waits here and nothing is lost.
    static let suggestedGoals = PostgresMigration(version: 110, name: "suggested_goals", sql: """
        CREATE TABLE suggested_goals (
            interview_id   text NOT NULL,
            position       integer NOT NULL CHECK (position >= 0),
            employee_id    text NOT NULL,
            manager_id     text NOT NULL,
            held_on        date NOT NULL,
            title          text NOT NULL,
            suggested_kind text NOT NULL CHECK (suggested_kind IN ('objective', 'kpi', 'milestone')),
            rationale      text,
            weight         numeric(5,2) NOT NULL CHECK (weight > 0 AND weight <= 100),
            event_id       text NOT NULL,
            received_at    timestamptz NOT NULL DEFAULT now(),
            goal_id        text REFERENCES goals,
            period_id      text REFERENCES periods,
            drafted_at     timestamptz,
            PRIMARY KEY (interview_id, position),
            CHECK ((goal_id IS NULL) = (drafted_at IS NULL) AND (goal_id IS NULL) = (period_id IS NULL))
        );
        CREATE INDEX suggested_goals_pending ON suggested_goals (employee_id, interview_id, position) WHERE goal_id IS NULL;
        """)
}
