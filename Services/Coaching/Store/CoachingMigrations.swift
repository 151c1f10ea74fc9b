import StridePostgres
import StrideRuntime

/// The `coaching` schema, on top of the runtime's tables (outbox, inbox, org directory,
/// idempotency keys, audit trail). Versions start at 100 so the runtime's own stay below.
///
/// Every table about an employee carries `employee_id` and a time-ordered id, so the timeline
/// (`created_at DESC, id DESC`) and the team board read them through an index per table.
public enum CoachingMigrations {
    /// Every migration, in order.
    public static let all: [PostgresMigration] = [
        goalProjection, checkIns, oneOnOnes, feedback, evidence, nudges, improvementPlans, feedbackInterviews, audited,
        auditSkippedDuringBulk, closedPeriods,
    ]

    /// What coaching knows of goals, from `stride.goals.v1`: enough to point at a goal, show its
    /// progress and know whether it is at risk, without reading the goals schema. Events can
    /// arrive before the goal's creation is seen (another partition order, a replay), so every
    /// column but the id may be unknown, and `last_event_at` keeps a late, older event from
    /// overwriting a newer one.
    static let goalProjection = PostgresMigration(version: 100, name: "goal_projection", sql: """
        CREATE TABLE goals (
            goal_id           text PRIMARY KEY,
            owner_id          text,
            period_id         text,
            title             text,
            status            text,
            progress_percent  numeric(7,2),
            at_risk           boolean NOT NULL DEFAULT false,
            at_risk_since     timestamptz,
            last_event_at     timestamptz NOT NULL,
            updated_at        timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX goals_owner ON goals (owner_id, period_id);
        CREATE INDEX goals_at_risk ON goals (owner_id) WHERE at_risk;
        """)

    /// Check-ins: a cadence per manager–report pair (one row per employee, for their current
    /// manager), and the check-ins themselves. `next_due_on` is kept by every write, so the
    /// due and overdue sweep is one indexed range scan per manager, never a loop per employee.
    static let checkIns = PostgresMigration(version: 101, name: "check_ins", sql: """
        CREATE TABLE check_in_cadences (
            employee_id       text PRIMARY KEY,
            manager_id        text NOT NULL,
            cadence           text NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
            started_on        date NOT NULL,
            last_check_in_on  date,
            next_due_on       date NOT NULL,
            updated_by        text NOT NULL,
            updated_at        timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX check_in_cadences_manager_due ON check_in_cadences (manager_id, next_due_on);
        CREATE INDEX check_in_cadences_due ON check_in_cadences (next_due_on);

        CREATE TABLE check_ins (
            check_in_id     text PRIMARY KEY,
            employee_id     text NOT NULL,
            manager_id      text,
            held_on         date NOT NULL,
            cadence         text NOT NULL,
            on_cadence      boolean NOT NULL,
            what_moved      text NOT NULL,
            blockers        text[] NOT NULL DEFAULT '{}',
            confidence      smallint NOT NULL CHECK (confidence BETWEEN 1 AND 5),
            goal_ids        text[] NOT NULL DEFAULT '{}',
            manager_reply   text,
            replied_by      text,
            replied_at      timestamptz,
            created_by      text NOT NULL,
            created_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX check_ins_employee ON check_ins (employee_id, created_at DESC, check_in_id DESC);
        CREATE INDEX check_ins_manager_held ON check_ins (manager_id, held_on);
        """)

    /// 1:1s: the meeting, its shared agenda, shared notes on the meeting row, private notes in
    /// a table of their own keyed by author (read only with the author's id in the key, never
    /// joined into anything else), and action items that move to the next 1:1 while open.
    static let oneOnOnes = PostgresMigration(version: 102, name: "one_on_ones", sql: """
        CREATE TABLE one_on_ones (
            meeting_id        text PRIMARY KEY,
            employee_id       text NOT NULL,
            manager_id        text NOT NULL,
            scheduled_on      date NOT NULL,
            status            text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'cancelled')),
            held_on           date,
            duration_minutes  integer,
            shared_notes      text NOT NULL DEFAULT '',
            completed_by      text,
            completed_at      timestamptz,
            created_by        text NOT NULL,
            created_at        timestamptz NOT NULL DEFAULT now(),
            version           integer NOT NULL DEFAULT 1
        );
        CREATE INDEX one_on_ones_employee ON one_on_ones (employee_id, created_at DESC, meeting_id DESC);
        CREATE INDEX one_on_ones_scheduled ON one_on_ones (manager_id, employee_id, scheduled_on) WHERE status = 'scheduled';

        CREATE TABLE agenda_items (
            agenda_item_id  text PRIMARY KEY,
            meeting_id      text NOT NULL REFERENCES one_on_ones,
            title           text NOT NULL,
            source          text NOT NULL CHECK (source IN ('manual', 'at_risk_nudge', 'carried_over')),
            added_by        text,
            goal_id         text,
            action_item_id  text,
            created_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, created_at, agenda_item_id);

        CREATE TABLE private_notes (
            meeting_id  text NOT NULL REFERENCES one_on_ones,
            author_id   text NOT NULL,
            body        text NOT NULL,
            updated_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (meeting_id, author_id)
        );

        CREATE TABLE action_items (
            action_item_id     text PRIMARY KEY,
            meeting_id         text NOT NULL REFERENCES one_on_ones,
            origin_meeting_id  text NOT NULL REFERENCES one_on_ones,
            employee_id        text NOT NULL,
            owner_id           text NOT NULL,
            title              text NOT NULL,
            due_on             date,
            state              text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
            done_at            timestamptz,
            created_by         text NOT NULL,
            created_at         timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX action_items_meeting ON action_items (meeting_id, created_at, action_item_id);
        CREATE INDEX action_items_open ON action_items (employee_id, due_on) WHERE state = 'open';
        """)

    /// Continuous feedback and requests for it. The text stays here: `FeedbackGiven` carries
    /// none of it.
    static let feedback = PostgresMigration(version: 103, name: "feedback", sql: """
        CREATE TABLE feedback (
            feedback_id    text PRIMARY KEY,
            giver_id       text NOT NULL,
            recipient_id   text NOT NULL,
            kind           text NOT NULL CHECK (kind IN ('praise', 'constructive')),
            audience       text NOT NULL CHECK (audience IN ('recipient_only', 'recipient_and_manager', 'public')),
            message        text NOT NULL,
            goal_id        text,
            competency_id  text,
            request_id     text,
            created_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX feedback_recipient ON feedback (recipient_id, created_at DESC, feedback_id DESC);
        CREATE INDEX feedback_giver ON feedback (giver_id, created_at DESC, feedback_id DESC);
        CREATE INDEX feedback_public ON feedback (created_at DESC, feedback_id DESC) WHERE audience = 'public';

        CREATE TABLE feedback_requests (
            request_id    text PRIMARY KEY,
            requester_id  text NOT NULL,
            prompt        text,
            due_on        date NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX feedback_requests_requester ON feedback_requests (requester_id, created_at DESC, request_id DESC);

        CREATE TABLE feedback_request_respondents (
            request_id     text NOT NULL REFERENCES feedback_requests,
            respondent_id  text NOT NULL,
            feedback_id    text REFERENCES feedback,
            PRIMARY KEY (request_id, respondent_id)
        );
        CREATE INDEX feedback_request_respondents_open ON feedback_request_respondents (respondent_id) WHERE feedback_id IS NULL;
        """)

    /// The evidence journal: dated, objective records the appraisal later shows next to each goal.
    static let evidence = PostgresMigration(version: 104, name: "evidence", sql: """
        CREATE TABLE evidence (
            evidence_id    text PRIMARY KEY,
            employee_id    text NOT NULL,
            author_id      text NOT NULL,
            kind           text NOT NULL,
            occurred_on    date NOT NULL,
            what_happened  text NOT NULL,
            impact         text NOT NULL,
            link_url       text,
            goal_ids       text[] NOT NULL DEFAULT '{}',
            competency_id  text,
            created_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX evidence_employee ON evidence (employee_id, created_at DESC, evidence_id DESC);
        CREATE INDEX evidence_goals ON evidence USING gin (goal_ids);
        """)

    /// Coaching nudges from at-risk goals: one open row per goal at most (the at-risk episode);
    /// the goal coming back on track closes it. The unique partial index is what makes a
    /// redelivered `GoalAtRisk` raise nothing twice, whatever the consumer's timing.
    static let nudges = PostgresMigration(version: 105, name: "nudges", sql: """
        CREATE TABLE nudges (
            nudge_id         text PRIMARY KEY,
            goal_id          text NOT NULL,
            employee_id      text NOT NULL,
            manager_id       text NOT NULL,
            meeting_id       text NOT NULL REFERENCES one_on_ones,
            agenda_item_id   text NOT NULL REFERENCES agenda_items,
            event_id         text NOT NULL,
            at_risk_at       timestamptz NOT NULL,
            created_at       timestamptz NOT NULL DEFAULT now(),
            cleared_at       timestamptz
        );
        CREATE UNIQUE INDEX nudges_open_episode ON nudges (goal_id) WHERE cleared_at IS NULL;
        CREATE INDEX nudges_manager_open ON nudges (manager_id) WHERE cleared_at IS NULL;
        CREATE INDEX nudges_employee ON nudges (employee_id, created_at DESC, nudge_id DESC);
        """)

    /// Improvement plans and their checkpoints.
    static let improvementPlans = PostgresMigration(version: 106, name: "improvement_plans", sql: """
        CREATE TABLE improvement_plans (
            plan_id          text PRIMARY KEY,
            employee_id      text NOT NULL,
            manager_id       text NOT NULL,
            hr_partner_id    text,
            appraisal_id     text,
            author_id        text NOT NULL,
            status           text NOT NULL CHECK (status IN ('draft', 'approved', 'in_progress', 'succeeded', 'failed')),
            reason           text NOT NULL,
            starts_on        date NOT NULL,
            ends_on          date NOT NULL,
            objectives       jsonb NOT NULL,
            support          jsonb NOT NULL,
            approved_by      text,
            approved_at      timestamptz,
            acknowledged_on  date,
            extension_count  integer NOT NULL DEFAULT 0,
            closed_on        date,
            closing_reason   text,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now(),
            version          integer NOT NULL DEFAULT 1
        );
        CREATE INDEX improvement_plans_employee ON improvement_plans (employee_id, created_at DESC, plan_id DESC);
        CREATE INDEX improvement_plans_manager_open ON improvement_plans (manager_id) WHERE status IN ('approved', 'in_progress');

        CREATE TABLE plan_checkpoints (
            plan_id         text NOT NULL REFERENCES improvement_plans,
            checkpoint_id   text NOT NULL,
            due_on          date NOT NULL,
            reviewed_on     date,
            reviewer_id     text,
            assessment      text CHECK (assessment IN ('on_track', 'needs_attention', 'off_track')),
            objectives_met  integer,
            notes           text,
            PRIMARY KEY (plan_id, checkpoint_id)
        );
        """)

    /// Feedback interviews after an appraisal is finalized: one per appraisal, whatever how often
    /// `AppraisalFinalized` arrives (a later version of the same appraisal updates the row while
    /// the interview is not held yet).
    static let feedbackInterviews = PostgresMigration(version: 107, name: "feedback_interviews", sql: """
        CREATE TABLE feedback_interviews (
            interview_id        text PRIMARY KEY,
            appraisal_id        text NOT NULL UNIQUE,
            appraisal_version   integer NOT NULL,
            cycle_id            text NOT NULL,
            employee_id         text NOT NULL,
            manager_id          text NOT NULL,
            finalized_on        date NOT NULL,
            due_on              date NOT NULL,
            scheduled_on        date NOT NULL,
            record              jsonb,
            manager_signed_at   timestamptz,
            employee_signed_at  timestamptz,
            completed_at        timestamptz,
            created_at          timestamptz NOT NULL DEFAULT now(),
            updated_at          timestamptz NOT NULL DEFAULT now(),
            version             integer NOT NULL DEFAULT 1
        );
        CREATE INDEX feedback_interviews_employee ON feedback_interviews (employee_id, created_at DESC, interview_id DESC);
        CREATE INDEX feedback_interviews_manager_due ON feedback_interviews (manager_id, due_on) WHERE completed_at IS NULL;
        """)

    /// Field-level audit (the runtime's `audit_row()`) on every table people write. Private
    /// notes are left out on purpose: their text must never reach a trail anyone else can read.
    static let audited = PostgresMigration(
        version: 108, name: "audited_tables",
        sql: [
            ("check_in_cadences", "employee_id"), ("check_ins", "check_in_id"), ("one_on_ones", "meeting_id"),
            ("agenda_items", "agenda_item_id"), ("action_items", "action_item_id"), ("feedback", "feedback_id"),
            ("feedback_requests", "request_id"), ("evidence", "evidence_id"), ("improvement_plans", "plan_id"),
            ("plan_checkpoints", "plan_id"), ("feedback_interviews", "interview_id"),
        ].map { Audit.enable(on: $0.0, key: $0.1) }.joined(separator: "\n"))

    /// Bulk work skips the audit triggers without calling them (``Audit/skippedDuringBulk``).
    static let auditSkippedDuringBulk = PostgresMigration(
        version: 109, name: "audit_skipped_during_bulk", sql: Audit.skippedDuringBulk)

    /// Goal periods that have closed (`GoalPeriodClosed`). Goal events are keyed by owner and a
    /// close by org unit, so a `GoalAtRisk` can arrive after its period's close on another
    /// partition: it must not start an episode the close already ended.
    static let closedPeriods = PostgresMigration(version: 110, name: "closed_periods", sql: """
        CREATE TABLE closed_periods (
            period_id  text PRIMARY KEY,
            closed_at  timestamptz NOT NULL
        );
        """)
}
