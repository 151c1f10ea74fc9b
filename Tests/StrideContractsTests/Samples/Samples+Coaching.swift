import Foundation
import StrideContracts

extension EventSamples {
    static let coaching: [any StrideEvent] = [
        CheckInRecorded(
            checkInID: "CI-20931", employeeID: "E-10042", managerID: "E-10007", actorID: "E-10007",
            heldOn: SampleValues.date(2026, 3, 30), cadence: .biweekly, goalIDs: ["G-88123", "G-88130"],
            blockerCount: 1, nextCheckInOn: SampleValues.date(2026, 4, 13)),
        OneOnOneCompleted(
            meetingID: "M-7781", employeeID: "E-10042", managerID: "E-10007", actorID: "E-10007",
            heldOn: SampleValues.date(2026, 3, 23), durationMinutes: 45, agendaItemCount: 4, goalIDs: ["G-88130"],
            actionItems: [
                ActionItem(
                    actionItemID: "AI-1", ownerID: "E-10007", title: "Introduce Amira to the pilot sponsor at Nordlicht",
                    dueDate: SampleValues.date(2026, 4, 3)),
                ActionItem(actionItemID: "AI-2", ownerID: "E-10042", title: "Draft pilot success criteria", dueDate: nil),
            ]),
        FeedbackGiven(
            feedbackID: "FB-30418", employeeID: "E-10042", actorID: "E-10555", kind: .praise, visibility: .shared,
            competencyID: "collaboration", goalID: nil,
            message: "Thanks for turning the Nordlicht demo around overnight/on short notice."),
        EvidenceLogged(
            evidenceID: "EV-9001", employeeID: "E-10042", actorID: "E-10007", kind: .customerFeedback,
            occurredOn: SampleValues.date(2026, 3, 18), summary: "Customer NPS comment praising onboarding support",
            goalID: "G-88123", competencyID: "customer_focus",
            linkURL: "https://support.example.com/tickets/48213"),
        ImprovementPlanStarted(
            planID: "IP-311", employeeID: "E-20417", managerID: "E-20001", hrPartnerID: "E-00090",
            actorID: "E-20001", appraisalID: "A-2025-20417", startsOn: SampleValues.date(2026, 2, 2),
            endsOn: SampleValues.date(2026, 4, 30), reason: "Ticket resolution time well above team norm for two quarters.",
            objectives: [
                ImprovementObjective(
                    objectiveID: "O-1", description: "Reduce median resolution time",
                    successMeasure: "Median below 8 business hours for 6 consecutive weeks"),
                ImprovementObjective(
                    objectiveID: "O-2", description: "Follow the escalation runbook",
                    successMeasure: "No missed escalations in the plan period"),
            ],
            supportOffered: ["Weekly coaching with a senior engineer", "Runbook training"],
            checkpointDates: [SampleValues.date(2026, 3, 2), SampleValues.date(2026, 3, 30)]),
        ImprovementPlanCheckpointReviewed(
            planID: "IP-311", checkpointID: "IP-311-C1", employeeID: "E-20417", actorID: "E-20001",
            reviewedOn: SampleValues.date(2026, 3, 2), assessment: .needsAttention, objectivesMet: 1,
            objectivesTotal: 2, comment: "Escalations fixed; resolution time improving but not yet at target."),
        ImprovementPlanClosed(
            planID: "IP-311", employeeID: "E-20417", actorID: "E-00090", outcome: .extended,
            closedOn: SampleValues.date(2026, 4, 30), extendedUntil: SampleValues.date(2026, 6, 30), objectivesMet: 1,
            objectivesTotal: 2, reason: "Clear upward trend; four more weeks of data needed."),
        FeedbackInterviewCompleted(
            interviewID: "FI-5521", employeeID: "E-10042", managerID: "E-10007", actorID: "E-10007",
            cycleID: "C-2026-ANNUAL", appraisalID: "A-2026-10042", heldOn: SampleValues.date(2027, 1, 20),
            agreements: ["Lead the Nordics expansion pilot", "Take the negotiation workshop in Q1"],
            improvementPlanID: nil,
            nextCycleGoalSuggestions: [
                GoalSuggestion(title: "Open two Nordic enterprise accounts", kind: .kpi, rationale: "Stretch beyond DACH"),
                GoalSuggestion(title: "Complete negotiation workshop", kind: .milestone, rationale: nil),
            ]),
    ]
}
