import Foundation
import StrideContracts

extension EventSamples {
    static let appraisal: [any StrideEvent] = [
        CycleOpened(
            cycleID: "C-2026-ANNUAL", name: "2026 annual review", orgUnitID: "ORG-ACME", periodID: "FY2026",
            templateID: "TPL-STANDARD", templateVersion: 3, startsOn: SampleValues.date(2026, 11, 2),
            endsOn: SampleValues.date(2027, 1, 31),
            phases: [
                PhaseSchedule(phase: .selfReview, startsOn: SampleValues.date(2026, 11, 2), endsOn: SampleValues.date(2026, 11, 13)),
                PhaseSchedule(phase: .nominations, startsOn: SampleValues.date(2026, 11, 2), endsOn: SampleValues.date(2026, 11, 9)),
                PhaseSchedule(phase: .peerReviews, startsOn: SampleValues.date(2026, 11, 10), endsOn: SampleValues.date(2026, 11, 27)),
                PhaseSchedule(phase: .managerReview, startsOn: SampleValues.date(2026, 11, 30), endsOn: SampleValues.date(2026, 12, 11)),
                PhaseSchedule(phase: .calibration, startsOn: SampleValues.date(2026, 12, 14), endsOn: SampleValues.date(2027, 1, 8)),
                PhaseSchedule(phase: .feedback, startsOn: SampleValues.date(2027, 1, 11), endsOn: SampleValues.date(2027, 1, 31)),
            ],
            goalWeightPercent: SampleValues.decimal("60"), competencyWeightPercent: SampleValues.decimal("40"),
            minimumAnonymousRaters: 3, participantCount: 104_211, actorID: "E-00090"),
        ReviewRequested(
            reviewID: "R-993001", cycleID: "C-2026-ANNUAL", employeeID: "E-10042", reviewerID: "E-10555",
            raterGroup: .peer, dueDate: SampleValues.date(2026, 11, 27), actorID: "E-10042"),
        ReviewSubmitted(
            reviewID: "R-2026-77310", cycleID: "C-2026-ANNUAL", employeeID: "E-10042", raterGroup: .manager, reviewerID: "E-10007",
            competencyRatings: [
                CompetencyRating(competencyID: "collaboration", level: 5),
                CompetencyRating(competencyID: "communication", level: 4),
                CompetencyRating(competencyID: "customer_focus", level: 4),
            ],
            overallLevel: 4, scaleMaximum: 5),
        CalibrationDistributionChanged(
            calibrationSessionID: "CAL-SALES-EMEA", cycleID: "C-2026-ANNUAL", departments: ["Sales EMEA"], jobLevels: [],
            populationCount: 412, unratedCount: 0,
            shares: [
                RatingShare(level: 1, count: 8, actualPercent: SampleValues.decimal("1.94"), targetPercent: SampleValues.decimal("5"), status: "within"),
                RatingShare(level: 2, count: 41, actualPercent: SampleValues.decimal("9.95"), targetPercent: SampleValues.decimal("15"), status: "below"),
                RatingShare(level: 3, count: 230, actualPercent: SampleValues.decimal("55.83"), targetPercent: SampleValues.decimal("50"), status: "above"),
                RatingShare(level: 4, count: 103, actualPercent: SampleValues.decimal("25"), targetPercent: SampleValues.decimal("22"), status: "within"),
                RatingShare(level: 5, count: 30, actualPercent: SampleValues.decimal("7.28"), targetPercent: SampleValues.decimal("8"), status: "within"),
            ],
            locked: false, actorID: "E-00090"),
        AppraisalCalibrated(
            appraisalID: "A-2026-10042", cycleID: "C-2026-ANNUAL", employeeID: "E-10042",
            calibrationSessionID: "CAL-SALES-EMEA", actorID: "E-00090", version: 2,
            previousRating: SampleValues.meetsExpectations, rating: SampleValues.exceedsExpectations, potential: .high,
            nineBox: NineBoxCell(performance: .high, potential: .high),
            reason: "Attainment 93% on the hardest territory; peers rate collaboration highest in team."),
        AppraisalFinalized(
            appraisalID: "A-2026-10042", cycleID: "C-2026-ANNUAL", employeeID: "E-10042", managerID: "E-10007",
            periodID: "FY2026", actorID: "E-00090", version: 2, goalScore: SampleValues.decimal("3.93"),
            competencyScore: SampleValues.decimal("4.2"), goalWeightPercent: SampleValues.decimal("60"),
            competencyWeightPercent: SampleValues.decimal("40"), finalScore: SampleValues.decimal("4.038"),
            rating: SampleValues.exceedsExpectations, potential: .high,
            nineBox: NineBoxCell(performance: .high, potential: .high), calibrated: true),
        AppraisalAcknowledged(
            appraisalID: "A-2026-10042", cycleID: "C-2026-ANNUAL", employeeID: "E-10042", version: 2,
            actorID: "E-10042", comment: nil),
        AppraisalDisputed(
            disputeID: "D-118", appraisalID: "A-2026-20417", cycleID: "C-2026-ANNUAL", employeeID: "E-20417",
            version: 1, actorID: "E-20417", disputedFields: ["goal_score", "rating"],
            reason: "Two goals were cancelled by the company mid-year but still counted at zero."),
        AppraisalDisputeResolved(
            disputeID: "D-118", appraisalID: "A-2026-20417", cycleID: "C-2026-ANNUAL", employeeID: "E-20417",
            actorID: "E-00090", resolution: .amended, resultingVersion: 2,
            comment: "Cancelled goals removed from the goal score; rating recalculated."),
        CycleClosed(
            cycleID: "C-2026-ANNUAL", orgUnitID: "ORG-ACME", actorID: "E-00090", closedOn: SampleValues.date(2027, 1, 31),
            participantCount: 104_211, finalizedCount: 103_980, acknowledgedCount: 101_422, disputedCount: 312),
    ]
}
