import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func goal(_ weight: String, _ attainment: String, _ status: GoalStatus = .completed) -> WeightedAttainment {
    WeightedAttainment(weight: d(weight), attainmentPercent: d(attainment), status: status)
}

@Suite("Weighted attainment per employee")
struct WeightedAttainmentTests {
    @Test("weights summing to 100: Σ weight × attainment / 100")
    func weightsSumTo100() {
        #expect(Attainment.weightedTotal([goal("60", "80"), goal("40", "100", .active)]) == 88)
    }

    @Test("cancelled goals carry no weight")
    func cancelledExcluded() {
        let goals = [goal("60", "80"), goal("40", "100", .approved), goal("25", "0", .cancelled)]
        #expect(Attainment.weightedTotal(goals) == 88)
    }

    @Test("unagreed goals (draft, submitted, returned) carry no weight")
    func unagreedExcluded() {
        let goals = [
            goal("60", "80"), goal("40", "100"),
            goal("50", "0", .draft), goal("50", "0", .submitted), goal("50", "0", .returned),
        ]
        #expect(Attainment.weightedTotal(goals) == 88)
    }

    @Test("weights not summing to 100 are normalised by their actual sum")
    func weightsNotSummingTo100() {
        // A 40-weight goal was cancelled after agreement: 30 × 80 + 30 × 100 over 60.
        let goals = [goal("30", "80"), goal("30", "100"), goal("40", "0", .cancelled)]
        #expect(Attainment.weightedTotal(goals) == 90)
        #expect(Attainment.weightedTotal([goal("150", "50"), goal("50", "100")]) == d("62.5"))
    }

    @Test("no goal that counts gives 0, not a division by zero")
    func noneCount() {
        #expect(Attainment.weightedTotal([]) == 0)
        #expect(Attainment.weightedTotal([goal("100", "90", .cancelled), goal("50", "70", .draft)]) == 0)
    }

    @Test("the total is rounded to 2 places")
    func rounded() {
        #expect(Attainment.weightedTotal([goal("1", "100"), goal("1", "0"), goal("1", "0")]) == d("33.33"))
        #expect(Attainment.weightedTotal([goal("33.33", "150"), goal("33.33", "0"), goal("33.34", "0")]) == d("50"))
    }

    @Test("attainment above 100 counts fully, as the cap allowed it")
    func overachievementCounts() {
        #expect(Attainment.weightedTotal([goal("50", "150"), goal("50", "100")]) == 125)
    }

    @Test("only approved, active and completed goals count", arguments: GoalStatus.allCases)
    func countingStatuses(status: GoalStatus) {
        #expect(Attainment.counts(status) == [.approved, .active, .completed].contains(status))
    }

    @Test("weighted points are weight × attainment / 100, rounded to 2 places")
    func weightedPoints() {
        #expect(Attainment.weightedPoints(weight: 40, attainment: d("87.5"), status: .completed) == 35)
        #expect(Attainment.weightedPoints(weight: d("33.33"), attainment: d("33.33"), status: .active) == d("11.11"))
        #expect(Attainment.weightedPoints(weight: 25, attainment: d("0.1"), status: .approved) == d("0.03"))
    }

    @Test(
        "a goal that does not count earns 0 points", arguments: [GoalStatus.cancelled, .draft, .submitted, .returned])
    func nonCountingPoints(status: GoalStatus) {
        #expect(Attainment.weightedPoints(weight: 40, attainment: 100, status: status) == 0)
    }

    @Test("with weights summing to 100 the points add up to the weighted total")
    func pointsAddUp() {
        let goals = [goal("50", "80"), goal("30", "120"), goal("20", "45")]
        let points = goals.map {
            Attainment.weightedPoints(weight: $0.weight, attainment: $0.attainmentPercent, status: $0.status)
        }
        #expect(points.reduce(0, +) == Attainment.weightedTotal(goals))
        #expect(Attainment.weightedTotal(goals) == 85)
    }
}
