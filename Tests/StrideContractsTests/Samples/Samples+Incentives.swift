import Foundation
import StrideContracts

extension EventSamples {
    static let incentives: [any StrideEvent] = [
        MeritRecommended(
            recommendationID: "REC-M-10042", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            appraisalID: "A-2026-10042", appraisalVersion: 2, rating: SampleValues.exceedsExpectations,
            currentBaseSalary: SampleValues.eur("72000.00"), compaRatio: SampleValues.decimal("0.96"),
            guidelineMinimumPercent: SampleValues.decimal("4"), guidelineMaximumPercent: SampleValues.decimal("6"),
            prorationFactor: SampleValues.decimal("0.95"), recommendedPercent: SampleValues.decimal("4.75"),
            increaseAmount: SampleValues.eur("3420.00"), proposedBaseSalary: SampleValues.eur("75420.00"),
            budgetID: "BUD-2026-SALES-EMEA", effectiveDate: SampleValues.date(2027, 4, 1)),
        BonusRecommended(
            recommendationID: "REC-B-10042", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            appraisalID: "A-2026-10042", planID: "BONUS-2026-SALES", eligibleSalary: SampleValues.eur("72000.00"),
            targetPercent: SampleValues.decimal("15"), companyMultiplier: SampleValues.decimal("1.1"),
            individualMultiplier: SampleValues.decimal("1.25"), prorationFactor: SampleValues.decimal("1"),
            amount: SampleValues.eur("14850.00"), payoutDate: SampleValues.date(2027, 3, 31)),
        PromotionRecommended(
            recommendationID: "REC-P-10042", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            appraisalID: "A-2026-10042", currentJobTitle: "Senior Account Executive", currentJobLevel: "P3",
            proposedJobTitle: "Principal Account Executive", proposedJobLevel: "P4",
            proposedBaseSalary: SampleValues.eur("82000.00"), consecutiveHighRatings: 2, potential: .high,
            justification: "Exceeds expectations two cycles running; already leads the Nordics pilot.",
            effectiveDate: SampleValues.date(2027, 4, 1)),
        DevelopmentActionRecommended(
            recommendationID: "REC-D-10042-1", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            appraisalID: "A-2026-10042", competencyID: "negotiation", currentLevel: 3, targetLevel: 4,
            actionKind: .training, title: "Negotiation skills workshop", dueDate: SampleValues.date(2027, 6, 30)),
        ConsequenceReviewRequired(
            recommendationID: "REC-C-20417", employeeID: "E-20417", cycleID: "C-2026-ANNUAL",
            trigger: .failedImprovementPlan, improvementPlanID: "IP-311", lowRatingCycleIDs: [],
            hrPartnerID: "E-00090", summary: "Improvement plan IP-311 closed as failed with 1 of 2 objectives met."),
        RecommendationAdjusted(
            recommendationID: "REC-M-10042", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            recommendationKind: .merit, actorID: "E-10007", version: 2, previousAmount: SampleValues.eur("3420.00"),
            amount: SampleValues.eur("3960.00"), previousPercent: SampleValues.decimal("4.75"),
            percent: SampleValues.decimal("5.5"), withinGuidelines: true,
            reason: "Retention risk: competing offer; still inside the matrix range."),
        RecommendationApproved(
            recommendationID: "REC-M-10042", employeeID: "E-10042", cycleID: "C-2026-ANNUAL",
            recommendationKind: .merit, actorID: "E-00090", version: 2, amount: SampleValues.eur("3960.00"),
            percent: SampleValues.decimal("5.5"), effectiveDate: SampleValues.date(2027, 4, 1),
            compensationChangeID: "CHG-2026-10042-MERIT", comment: nil),
    ]

    static let payroll: [any StrideEvent] = [
        CompensationChangeApproved(
            changeID: "CHG-2026-10042-MERIT", employeeID: "E-10042", kind: .merit, amount: SampleValues.eur("3960.00"),
            previousBaseSalary: SampleValues.eur("72000.00"), newBaseSalary: SampleValues.eur("75960.00"),
            effectiveDate: SampleValues.date(2027, 4, 1), cycleID: "C-2026-ANNUAL", recommendationID: "REC-M-10042",
            actorID: "E-00090"),
        CompensationChangeReversed(
            reversalID: "REV-2026-10311-BONUS", reversedChangeID: "CHG-2026-10311-BONUS", employeeID: "E-10311",
            kind: .bonus, amount: SampleValues.eur("5400.00"), restoredBaseSalary: nil,
            effectiveDate: SampleValues.date(2027, 3, 31), cycleID: "C-2026-ANNUAL", actorID: "E-00090",
            reason: "Employee left before the payout date; plan requires employment on the payout day."),
    ]
}
