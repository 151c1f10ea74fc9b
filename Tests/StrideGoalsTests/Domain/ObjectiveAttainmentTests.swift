import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func kr(_ id: String, weight: String, start: String = "0", target: String = "100", current: String?)
    -> KeyResultMeasurement
{
    KeyResultMeasurement(
        keyResultID: id, startValue: d(start), targetValue: d(target), weight: d(weight), currentValue: current.map(d))
}

@Suite("Milestone attainment")
struct MilestoneAttainmentTests {
    @Test("done scores 100, not done scores 0")
    func doneOrNot() {
        #expect(Attainment.percent(of: .milestone(done: true), policy: .standard) == 100)
        #expect(Attainment.percent(of: .milestone(done: false), policy: .standard) == 0)
    }

    @Test("the policy applies: not done scores the floor, done is held to a cap below 100")
    func policyApplies() {
        #expect(Attainment.percent(of: .milestone(done: false), policy: .init(floorPercent: 10, capPercent: 120)) == 10)
        #expect(Attainment.percent(of: .milestone(done: true), policy: .init(floorPercent: 0, capPercent: 80)) == 80)
    }
}

@Suite("Objective attainment from key results")
struct ObjectiveAttainmentTests {
    private func percent(_ keyResults: [KeyResultMeasurement], policy: AttainmentPolicy = .standard) -> Decimal {
        Attainment.percent(of: .objective(keyResults), policy: policy)
    }

    @Test("key results are averaged by weight: 60 × 50 % + 40 × 100 % = 70 %")
    func weightedByKeyResult() {
        #expect(percent([kr("a", weight: "60", current: "50"), kr("b", weight: "40", current: "100")]) == 70)
    }

    @Test("each key result is capped before averaging, so one runaway result cannot carry the objective")
    func perKeyResultCap() {
        // Uncapped this would be (300 + 0) / 2 = 150; capped it is (150 + 0) / 2.
        #expect(percent([kr("a", weight: "50", current: "300"), kr("b", weight: "50", current: "0")]) == 75)
    }

    @Test("each key result is floored before averaging, so a result below its start does not drag the others")
    func perKeyResultFloor() {
        #expect(percent([kr("a", weight: "50", current: "-100"), kr("b", weight: "50", current: "80")]) == 40)
    }

    @Test("key results use their own start and target")
    func ownScale() {
        let keyResults = [
            kr("pilots", weight: "50", start: "2", target: "10", current: "6"),  // 50 %
            kr("nps", weight: "50", start: "30", target: "50", current: "45"),  // 75 %
        ]
        #expect(percent(keyResults) == d("62.5"))
    }

    @Test("weights need not sum to 100: they are relative shares")
    func relativeWeights() {
        #expect(percent([kr("a", weight: "1", current: "100"), kr("b", weight: "3", current: "0")]) == 25)
        #expect(percent([kr("a", weight: "30", current: "80")]) == 80)
    }

    @Test("a key result without a reading contributes 0, or the floor")
    func keyResultWithoutReading() {
        #expect(percent([kr("a", weight: "50", current: "100"), kr("b", weight: "50", current: nil)]) == 50)
        let floored = AttainmentPolicy(floorPercent: 10, capPercent: 120)
        #expect(
            percent([kr("a", weight: "50", current: "100"), kr("b", weight: "50", current: nil)], policy: floored) == 55
        )
    }

    @Test("a key result with target == start scores 100 at or above it and 0 below")
    func keyResultTargetEqualsStart() {
        #expect(percent([kr("a", weight: "100", start: "5", target: "5", current: "5")]) == 100)
        #expect(percent([kr("a", weight: "100", start: "5", target: "5", current: "4")]) == 0)
    }

    @Test("no key results scores 0, or the floor")
    func noKeyResults() {
        #expect(percent([]) == 0)
        #expect(percent([], policy: .init(floorPercent: 10, capPercent: 120)) == 10)
    }

    @Test("key results whose weights sum to 0 score 0 instead of dividing by zero")
    func zeroWeights() {
        #expect(percent([kr("a", weight: "0", current: "100")]) == 0)
    }

    @Test("the objective is rounded once, at the end: thirds average to 33.33")
    func roundedAtTheEnd() {
        let keyResults = [
            kr("a", weight: "1", target: "3", current: "1"),  // 33.333…
            kr("b", weight: "1", target: "3", current: "1"),
            kr("c", weight: "1", target: "3", current: "1"),
        ]
        #expect(percent(keyResults) == d("33.33"))
    }

    @Test("a KeyResult from the contract and a reading become the measurement that is scored")
    func fromContractKeyResult() {
        let keyResult = KeyResult(
            keyResultID: "kr-1", title: "Pilots", unit: "count", startValue: 0, targetValue: 4, weight: 100)
        let measurement = KeyResultMeasurement(keyResult, currentValue: 3)
        #expect(
            measurement
                == KeyResultMeasurement(
                    keyResultID: "kr-1", startValue: 0, targetValue: 4, weight: 100, currentValue: 3))
        #expect(percent([measurement]) == 75)
    }
}

@Suite("Attainment policy")
struct AttainmentPolicyTests {
    @Test("the standard policy floors at 0 and caps at 150")
    func standard() {
        #expect(AttainmentPolicy.standard == AttainmentPolicy(floorPercent: 0, capPercent: 150))
        #expect(AttainmentPolicy.standard.clamp(-5) == 0)
        #expect(AttainmentPolicy.standard.clamp(d("149.99")) == d("149.99"))
        #expect(AttainmentPolicy.standard.clamp(d("150.01")) == 150)
    }

    @Test("a custom policy (floor 10, cap 120) bounds KPI scores at both ends and leaves the middle alone")
    func customPolicy() throws {
        let policy = try AttainmentPolicy.validated(floor: 10, cap: 120)
        let low = KPIMeasurement(direction: .increase, startValue: 0, targetValue: 100, currentValue: 5)
        let middle = KPIMeasurement(direction: .increase, startValue: 0, targetValue: 100, currentValue: d("64.5"))
        let high = KPIMeasurement(direction: .increase, startValue: 0, targetValue: 100, currentValue: 130)
        #expect(Attainment.percent(of: .kpi(low), policy: policy) == 10)
        #expect(Attainment.percent(of: .kpi(middle), policy: policy) == d("64.5"))
        #expect(Attainment.percent(of: .kpi(high), policy: policy) == 120)
    }

    @Test("clamp does not round: rounding happens once, at the end of a computation")
    func clampDoesNotRound() {
        #expect(AttainmentPolicy.standard.clamp(d("12.345")) == d("12.345"))
    }

    @Test("validated accepts a floor equal to the cap")
    func floorEqualsCap() throws {
        let policy = try AttainmentPolicy.validated(floor: 100, cap: 100)
        #expect(policy.clamp(0) == 100 && policy.clamp(500) == 100)
    }

    @Test("validated rejects a floor above the cap, naming cap_percent")
    func floorAboveCap() {
        let error = #expect(throws: GoalRuleViolation.self) {
            try AttainmentPolicy.validated(floor: d("120.01"), cap: 120)
        }
        #expect(error?.code == .invalidField)
        #expect(error?.field == "cap_percent")
    }

    @Test("validated rejects a negative floor, naming floor_percent")
    func negativeFloor() {
        let error = #expect(throws: GoalRuleViolation.self) { try AttainmentPolicy.validated(floor: -1, cap: 150) }
        #expect(error?.code == .invalidField)
        #expect(error?.field == "floor_percent")
    }
}
