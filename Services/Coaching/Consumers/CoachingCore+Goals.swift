import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    /// What coaching does with `stride.goals.v1`: keeps its goal projection, and turns a goal
    /// going at risk into a nudge on the owner's manager's next 1:1 (once per at-risk episode,
    /// which `GoalBackOnTrack` or the goal's completion or cancellation ends).
    func goalEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(GoalCreated.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, title: event.definition.title,
                      status: event.status, eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalUpdated.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, title: event.definition.title,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalSubmitted.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .submitted,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalApproved.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .approved,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalRejected.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .returned,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalStatusChanged.self) { event, message, connection in
            let ended = GoalRiskSignal.afterStatusChange(to: event.toStatus) == .backOnTrack
            let applied = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: event.toStatus,
                      atRisk: ended ? false : nil, eventTime: message.metadata.time), on: connection)
            if applied, ended { try await endAtRiskEpisode(of: event.goalID, at: message.metadata.time, on: connection) }
        }
        router.on(GoalProgressRecorded.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID,
                      progressPercent: event.progressPercent, eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalAtRisk.self) { event, message, connection in
            try await goalWentAtRisk(event, eventID: message.metadata.id.uuidString.lowercased(), at: message.metadata.time, on: connection)
        }
        router.on(GoalBackOnTrack.self) { event, message, connection in
            let applied = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID,
                      progressPercent: event.actualProgressPercent, atRisk: false, eventTime: message.metadata.time),
                on: connection)
            if applied { try await endAtRiskEpisode(of: event.goalID, at: message.metadata.time, on: connection) }
        }
        router.on(GoalPeriodClosed.self) { event, message, connection in
            try await closePeriod(event.periodID, at: message.metadata.time, on: connection)
        }
        return router
    }

    /// A closed period's goals are frozen: none of them is at risk any more, and their open
    /// nudges end, so team boards show only what can still be acted on.
    func closePeriod(_ periodID: String, at time: Date, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).nudges n SET cleared_at = \(time)
            FROM \(unescaped: schema).goals g
            WHERE g.goal_id = n.goal_id AND g.period_id = \(periodID) AND n.cleared_at IS NULL
            """)
        try await connection.execute("""
            UPDATE \(unescaped: schema).goals SET at_risk = false, updated_at = now()
            WHERE period_id = \(periodID) AND at_risk
            """)
    }

    var projection: GoalProjectionStore { GoalProjectionStore(schema: schema) }
    var nudges: NudgeStore { NudgeStore(schema: schema) }
    var meetings: OneOnOneStore { OneOnOneStore(schema: schema) }
    var cadences: CadenceStore { CadenceStore(schema: schema) }

    /// Projects an at-risk goal and, when the event is the newest about it and this at-risk
    /// episode has no nudge yet, puts it on the agenda of its owner's next 1:1 with their manager
    /// — the one scheduled within the pair's cadence, or a new one a few days ahead. Runs in the
    /// inbox's transaction, so a redelivered event or a crash halfway raises nothing twice.
    ///
    /// A nudge must keep up with a flood of at-risk goals (a period re-assessed at once), so the
    /// projection write and every read the nudge needs (the open nudge, locked; the pair's
    /// cadence; the meetings scheduled within the longest cadence) go in one round trip, and the
    /// rows it adds travel with the next statement or the commit.
    func goalWentAtRisk(_ event: GoalAtRisk, eventID: String, at eventTime: Date, on connection: PostgresConnection) async throws {
        let today = self.today
        let widest = today.adding(days: CheckInCadence.allCases.map(\.intervalDays).max() ?? 31)
        var queries = [
            projection.applying(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, title: event.title,
                      progressPercent: event.actualProgressPercent, atRisk: true, eventTime: eventTime)),
            nudges.openNudge(for: event.goalID), cadences.cadenceQuery(of: event.ownerID),
        ]
        if let managerID = event.managerID {
            queries.append(meetings.scheduledQuery(managerID: managerID, employeeID: event.ownerID, from: today, through: widest))
        }
        let answers = try await connection.query(queries)
        guard !answers[0].isEmpty, answers[1].isEmpty else { return }  // an older event, or the episode's nudge exists
        let managerID: String
        let scheduled: [OneOnOne]
        if let named = event.managerID {
            managerID = named
            scheduled = try answers[3].map(OneOnOneStore.meeting(from:))
        } else if let known = try await directory.employee(event.ownerID, on: connection)?.managerID {
            managerID = known
            scheduled = try await meetings.scheduled(
                managerID: known, employeeID: event.ownerID, from: today, through: widest, on: connection)
        } else {
            logger.info("goal at risk without a manager to nudge", metadata: ["goal_id": "\(event.goalID)", "owner_id": "\(event.ownerID)"])
            return
        }
        let cadence = try CadenceStore.cadence(from: answers[2]) ?? settings.defaultCadence
        let window = today.adding(days: cadence.intervalDays)
        let candidates = scheduled.filter { $0.scheduledOn <= window }
        try await Audit.identify(actor: "coaching:nudge", action: "nudge", on: connection)
        let meetingID: String
        let placement = NudgePlacement.choose(
            managerID: managerID, employeeID: event.ownerID, meetings: candidates, cadence: cadence, today: today,
            leadDays: settings.nudgeLeadDays)
        switch placement {
        case .existing(let existing):
            meetingID = existing
        case .newMeeting(let day):
            meetingID = newID()
            try await meetings.insert(
                OneOnOne(meetingID: meetingID, managerID: managerID, employeeID: event.ownerID, scheduledOn: day),
                createdBy: "coaching:nudge", on: connection)
        }
        let agendaItemID = newID()
        let progress = "\(event.actualProgressPercent)% done, \(event.expectedProgressPercent)% expected by \(event.assessedOn)"
        try await meetings.addAgendaItem(
            agendaItemID, to: meetingID,
            AgendaItemDraft(title: "At risk: \(event.title) (\(progress))", source: .atRiskNudge, goalID: event.goalID),
            on: connection)
        try await nudges.insert(
            NudgeStore.Nudge(
                nudgeID: newID(), goalID: event.goalID, employeeID: event.ownerID, managerID: managerID, meetingID: meetingID,
                agendaItemID: agendaItemID, eventID: eventID, atRiskAt: eventTime),
            on: connection)
        CoachingMetrics.nudged(placement: { if case .existing = placement { "existing" } else { "new_meeting" } }())
        CoachingMetrics.nudgeLatency(since: eventTime, now: Date())
    }

    /// Closes the goal's at-risk episode (back on track, completed or cancelled), so the next
    /// time it falls behind raises a new nudge.
    func endAtRiskEpisode(of goalID: String, at time: Date, on connection: PostgresConnection) async throws {
        _ = try await nudges.clear(goalID: goalID, at: time, on: connection)
    }
}
