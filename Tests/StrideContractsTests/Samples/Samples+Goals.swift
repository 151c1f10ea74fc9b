import Foundation
import StrideContracts

extension EventSamples {
    private static let definition = GoalDefinition(
        title: "Grow new ARR in EMEA mid-market", description: "Land and expand mid-market accounts in DACH and Nordics.",
        level: .employee, kind: .kpi, parentGoalID: "G-2026-SALES-01", weight: SampleValues.decimal("40"),
        dueDate: SampleValues.date(2026, 12, 31),
        measure: GoalMeasure(
            metricSource: "crm", metricID: "sales.emea.new-arr", unit: "EUR", direction: .increase, startValue: SampleValues.decimal("0"),
            targetValue: SampleValues.decimal("1500000")),
        keyResults: [])

    private static let objective = GoalDefinition(
        title: "Make onboarding self-serve", description: nil, level: .team, kind: .objective, parentGoalID: nil,
        weight: SampleValues.decimal("25"), dueDate: nil, measure: nil,
        keyResults: [
            KeyResult(
                keyResultID: "KR-1", title: "Accounts activated without a call", unit: "percent",
                startValue: SampleValues.decimal("35"), targetValue: SampleValues.decimal("70"),
                weight: SampleValues.decimal("60")),
            KeyResult(
                keyResultID: "KR-2", title: "Median time to first value", unit: "days",
                startValue: SampleValues.decimal("9.5"), targetValue: SampleValues.decimal("3"),
                weight: SampleValues.decimal("40")),
        ])

    static let goals: [any StrideEvent] = [
        GoalCreated(
            goalID: "G-88123", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10042", version: 1, status: .draft,
            definition: definition),
        GoalUpdated(
            goalID: "G-88124", ownerID: "T-ONBOARDING", periodID: "FY2026", actorID: "E-10007", version: 3,
            definition: objective, changedFields: ["key_results", "weight"]),
        GoalSubmitted(
            goalID: "G-88123", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10042", version: 2,
            approverID: "E-10007", comment: "Target aligned with the DACH territory plan."),
        GoalApproved(
            goalID: "G-88123", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10007", version: 2, comment: nil),
        GoalRejected(
            goalID: "G-88125", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10007", version: 1,
            reason: "Weight too high for a stretch goal; please lower to 20 and add a measurable target."),
        GoalProgressRecorded(
            goalID: "G-88123", ownerID: "E-10042", periodID: "FY2026", progressID: "P-551020", actorID: "svc-goals",
            origin: .metric, kind: .kpi, keyResultID: nil, previousValue: SampleValues.decimal("1120000"),
            currentValue: SampleValues.decimal("1284500.75"), milestoneDone: nil,
            previousProgressPercent: SampleValues.decimal("74.67"), progressPercent: SampleValues.decimal("85.63"),
            comment: nil, evidenceURL: "https://crm.example.com/reports/emea-arr/2026-03"),
        GoalStatusChanged(
            goalID: "G-88123", ownerID: "E-10042", periodID: "FY2026", actorID: "E-10007", version: 3,
            fromStatus: .approved, toStatus: .active, reason: nil),
        GoalAtRisk(
            goalID: "G-88130", ownerID: "E-10042", managerID: "E-10007", periodID: "FY2026",
            title: "Close three enterprise pilots", assessedOn: SampleValues.date(2026, 6, 30),
            expectedProgressPercent: SampleValues.decimal("50"), actualProgressPercent: SampleValues.decimal("20"),
            deviationPoints: SampleValues.decimal("30")),
        GoalBackOnTrack(
            goalID: "G-88130", ownerID: "E-10042", managerID: "E-10007", periodID: "FY2026",
            assessedOn: SampleValues.date(2026, 8, 14), expectedProgressPercent: SampleValues.decimal("61.75"),
            actualProgressPercent: SampleValues.decimal("55")),
        GoalPeriodClosed(
            periodID: "FY2026", orgUnitID: "ORG-ACME", name: "FY2026", kind: .year,
            startsOn: SampleValues.date(2026, 1, 1), endsOn: SampleValues.date(2026, 12, 31), actorID: "E-00001",
            goalCount: 512_340, ownerCount: 104_211),
        AttainmentFinalized(
            employeeID: "E-10042", periodID: "FY2026", periodStartsOn: SampleValues.date(2026, 1, 1),
            periodEndsOn: SampleValues.date(2026, 12, 31), actorID: "svc-goals", version: 1,
            goals: [
                GoalAttainment(
                    goalID: "G-88123", title: "Grow new ARR in EMEA mid-market", kind: .kpi, status: .completed,
                    weight: SampleValues.decimal("40"), attainmentPercent: SampleValues.decimal("112.5"),
                    weightedPoints: SampleValues.decimal("45")),
                GoalAttainment(
                    goalID: "G-88130", title: "Close three enterprise pilots", kind: .milestone, status: .active,
                    weight: SampleValues.decimal("35"), attainmentPercent: SampleValues.decimal("66.67"),
                    weightedPoints: SampleValues.decimal("23.33")),
                GoalAttainment(
                    goalID: "G-88131", title: "Mentor two new account executives", kind: .objective,
                    status: .completed, weight: SampleValues.decimal("25"),
                    attainmentPercent: SampleValues.decimal("100"), weightedPoints: SampleValues.decimal("25")),
            ],
            weightedAttainmentPercent: SampleValues.decimal("93.33")),
    ]
}
