import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    /// One `GoalAtRisk` as the inbox handed it over.
    struct AtRiskArrival: Sendable {
        var event: GoalAtRisk
        /// The event's id, kept on the nudge it raises.
        var eventID: String
        /// The event's `ce_time`: when the goal was found at risk.
        var time: Date
    }

    /// Projects at-risk goals and, for each whose event is the newest about it and whose at-risk
    /// episode has no nudge yet, puts it on the agenda of its owner's next 1:1 with their manager
    /// — the one scheduled within the pair's cadence, or a new one a few days ahead (which the
    /// owner's other goals in the same batch then join). Runs in the inbox's transaction, so a
    /// redelivered event or a crash halfway raises nothing twice.
    ///
    /// A flood of at-risk goals (a period re-assessed at once) arrives as runs of these events,
    /// so a run is handled set-based: the projection, the open nudges, the cadences and the
    /// scheduled 1:1s of the whole run in one round trip, then one insert each for the new 1:1s,
    /// agenda items and nudges, which travel with the commit. A goal that appears twice in the
    /// run is handled in a second round, after the first, as if the events came one by one.
    func goalsWentAtRisk(_ arrivals: [AtRiskArrival], on connection: PostgresConnection) async throws {
        var pending = arrivals
        while !pending.isEmpty {
            var goals = Set<String>()
            var round: [AtRiskArrival] = []
            var later: [AtRiskArrival] = []
            for arrival in pending {
                if goals.insert(arrival.event.goalID).inserted { round.append(arrival) } else { later.append(arrival) }
            }
            try await nudge(round, on: connection)
            pending = later
        }
    }

    /// A manager and one of their reports.
    private struct Pair: Hashable {
        var managerID: String
        var employeeID: String
    }

    /// ``goalsWentAtRisk(_:on:)`` for a run in which every goal appears once.
    private func nudge(_ round: [AtRiskArrival], on connection: PostgresConnection) async throws {
        let today = self.today
        let widest = today.adding(days: CheckInCadence.allCases.map(\.intervalDays).max() ?? 31)
        // The manager an event names, or else the one the org directory knows.
        let unnamed = Set(round.lazy.filter { $0.event.managerID == nil }.map(\.event.ownerID))
        let known = try await directory.managers(of: unnamed.sorted(), on: connection)
        let managers = round.map { $0.event.managerID ?? known[$0.event.ownerID] }
        var pairs: [Pair] = []
        var seenPairs = Set<Pair>()
        for (arrival, managerID) in zip(round, managers) {
            guard let managerID else { continue }
            let pair = Pair(managerID: managerID, employeeID: arrival.event.ownerID)
            if seenPairs.insert(pair).inserted { pairs.append(pair) }
        }
        let owners = Array(Set(round.map(\.event.ownerID)))

        let answers = try await connection.query([
            projection.markingAtRisk(
                round.map {
                    .init(goalID: $0.event.goalID, ownerID: $0.event.ownerID, periodID: $0.event.periodID, title: $0.event.title,
                          progressPercent: $0.event.actualProgressPercent, eventTime: $0.time)
                }),
            nudges.openNudges(for: round.map(\.event.goalID)),
            cadences.cadencesQuery(of: owners),
            meetings.scheduledQuery(managerIDs: pairs.map(\.managerID), employeeIDs: pairs.map(\.employeeID), from: today, through: widest),
        ])
        // Goals whose event was applied and left them at risk (not those of a closed period).
        let applied = Set(try answers[0].filter { try $0.decode("at_risk", as: Bool.self) }.map { try $0.decode("goal_id", as: String.self) })
        let alreadyNudged = Set(try answers[1].map { try $0.decode("goal_id", as: String.self) })
        let cadenceOf = try CadenceStore.cadences(from: answers[2])
        var scheduled: [Pair: [OneOnOne]] = [:]
        for row in answers[3] {
            let meeting = try OneOnOneStore.meeting(from: row)
            scheduled[Pair(managerID: meeting.managerID, employeeID: meeting.employeeID), default: []].append(meeting)
        }

        var newMeetings: [OneOnOne] = []
        var agendaItems: [OneOnOneStore.NewAgendaItem] = []
        var raised: [NudgeStore.Nudge] = []
        var placements: [String] = []
        for (arrival, managerID) in zip(round, managers) {
            let event = arrival.event
            // An older event than the one applied, a closed period, or the episode's nudge exists.
            guard applied.contains(event.goalID), !alreadyNudged.contains(event.goalID) else { continue }
            guard let managerID else {
                logger.info("goal at risk without a manager to nudge", metadata: ["goal_id": "\(event.goalID)", "owner_id": "\(event.ownerID)"])
                continue
            }
            let pair = Pair(managerID: managerID, employeeID: event.ownerID)
            let placement = NudgePlacement.choose(
                managerID: managerID, employeeID: event.ownerID, meetings: scheduled[pair] ?? [],
                cadence: cadenceOf[event.ownerID] ?? settings.defaultCadence, today: today, leadDays: settings.nudgeLeadDays)
            let meetingID: String
            switch placement {
            case .existing(let existing):
                meetingID = existing
                placements.append("existing")
            case .newMeeting(let day):
                meetingID = newID()
                let meeting = OneOnOne(meetingID: meetingID, managerID: managerID, employeeID: event.ownerID, scheduledOn: day)
                newMeetings.append(meeting)
                scheduled[pair, default: []].append(meeting)
                placements.append("new_meeting")
            }
            let agendaItemID = newID()
            let progress = "\(event.actualProgressPercent)% done, \(event.expectedProgressPercent)% expected by \(event.assessedOn)"
            agendaItems.append(
                (agendaItemID, meetingID,
                 AgendaItemDraft(title: "At risk: \(event.title) (\(progress))", source: .atRiskNudge, goalID: event.goalID)))
            raised.append(
                NudgeStore.Nudge(
                    nudgeID: newID(), goalID: event.goalID, employeeID: event.ownerID, managerID: managerID, meetingID: meetingID,
                    agendaItemID: agendaItemID, eventID: arrival.eventID, atRiskAt: arrival.time))
        }
        guard !raised.isEmpty else { return }
        try await Audit.identify(actor: "coaching:nudge", action: "nudge", on: connection)
        try await meetings.insert(newMeetings, createdBy: "coaching:nudge", on: connection)
        try await meetings.addAgendaItems(agendaItems, on: connection)
        try await nudges.insert(raised, on: connection)
        let now = Date()
        for (placement, nudge) in zip(placements, raised) {
            CoachingMetrics.nudged(placement: placement)
            CoachingMetrics.nudgeLatency(since: nudge.atRiskAt, now: now)
        }
    }
}
