import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func kpi(
    _ direction: MetricDirection, start: String, target: String, current: String?, lower: String? = nil,
    upper: String? = nil, policy: AttainmentPolicy = .standard
) -> Decimal {
    let measurement = KPIMeasurement(
        direction: direction, startValue: d(start), targetValue: d(target), lowerBound: lower.map(d),
        upperBound: upper.map(d), currentValue: current.map(d))
    return Attainment.percent(of: .kpi(measurement), policy: policy)
}

@Suite("KPI attainment: increase and decrease")
struct KPIAttainmentTests {
    @Test("increase scores (current − start) / (target − start)")
    func increaseIsProportional() {
        #expect(kpi(.increase, start: "100", target: "300", current: "150") == 25)
        #expect(kpi(.increase, start: "100", target: "300", current: "300") == 100)
        #expect(kpi(.increase, start: "100", target: "300", current: "100") == 0)
    }

    @Test("decrease scores (start − current) / (start − target)")
    func decreaseIsProportional() {
        #expect(kpi(.decrease, start: "10", target: "5", current: "7.5") == 50)
        #expect(kpi(.decrease, start: "10", target: "5", current: "5") == 100)
        #expect(kpi(.decrease, start: "10", target: "5", current: "10") == 0)
    }

    @Test("overshoot above the cap is capped at the cap, below it is kept")
    func overshootIsCapped() {
        #expect(kpi(.increase, start: "0", target: "200", current: "250") == 125)
        #expect(kpi(.increase, start: "0", target: "200", current: "300") == 150)
        #expect(kpi(.increase, start: "0", target: "200", current: "1000000") == 150)
        #expect(kpi(.decrease, start: "10", target: "5", current: "0") == 150)
        #expect(kpi(.decrease, start: "10", target: "5", current: "-100") == 150)
    }

    @Test("undershoot past the start is floored at 0, never negative")
    func undershootIsFloored() {
        #expect(kpi(.increase, start: "100", target: "200", current: "50") == 0)
        #expect(kpi(.decrease, start: "10", target: "5", current: "12") == 0)
    }

    @Test("increase with target == start: 100 at or above the target, 0 short of it")
    func increaseTargetEqualsStart() {
        #expect(kpi(.increase, start: "50", target: "50", current: "50") == 100)
        #expect(kpi(.increase, start: "50", target: "50", current: "51") == 100)
        #expect(kpi(.increase, start: "50", target: "50", current: "49.99") == 0)
    }

    @Test("decrease with target == start: 100 at or below the target, 0 short of it")
    func decreaseTargetEqualsStart() {
        #expect(kpi(.decrease, start: "5", target: "5", current: "5") == 100)
        #expect(kpi(.decrease, start: "5", target: "5", current: "4") == 100)
        #expect(kpi(.decrease, start: "5", target: "5", current: "5.01") == 0)
    }

    @Test("no reading yet scores 0 in every direction, and the floor when it is above 0")
    func noReadingYet() {
        for direction in MetricDirection.allCases {
            #expect(kpi(direction, start: "0", target: "10", current: nil, lower: "0", upper: "10") == 0)
        }
        let floored = AttainmentPolicy(floorPercent: 10, capPercent: 120)
        #expect(kpi(.increase, start: "0", target: "10", current: nil, policy: floored) == 10)
    }

    @Test("increase below its lower-bound threshold scores 0; at the threshold it scores normally")
    func increaseThreshold() {
        #expect(kpi(.increase, start: "0", target: "100", current: "39.99", lower: "40") == 0)
        #expect(kpi(.increase, start: "0", target: "100", current: "40", lower: "40") == 40)
        #expect(kpi(.increase, start: "0", target: "100", current: "90", lower: "40") == 90)
    }

    @Test("decrease above its upper-bound threshold scores 0; at the threshold it scores normally")
    func decreaseThreshold() {
        #expect(kpi(.decrease, start: "100", target: "50", current: "80.01", upper: "80") == 0)
        #expect(kpi(.decrease, start: "100", target: "50", current: "80", upper: "80") == 40)
        #expect(kpi(.decrease, start: "100", target: "50", current: "60", upper: "80") == 80)
    }

    @Test("an increase ignores an upper bound and a decrease a lower bound")
    func irrelevantBoundsAreIgnored() {
        #expect(kpi(.increase, start: "0", target: "100", current: "120", upper: "110") == 120)
        #expect(kpi(.decrease, start: "100", target: "50", current: "40", lower: "45") == 120)
    }

    @Test("results are rounded to 2 places with plain rounding (half away from zero), not banker's")
    func plainRounding() {
        #expect(kpi(.increase, start: "0", target: "3", current: "1") == d("33.33"))
        #expect(kpi(.increase, start: "0", target: "3", current: "2") == d("66.67"))
        // 12.345 → 12.35 (banker's would give 12.34); 12.335 → 12.34.
        #expect(kpi(.increase, start: "0", target: "200000", current: "24690") == d("12.35"))
        #expect(kpi(.increase, start: "0", target: "200000", current: "24670") == d("12.34"))
    }

    @Test("decimals are exact: 0.1 + 0.2 of a 0.3 target is exactly 100")
    func exactDecimals() {
        #expect(kpi(.increase, start: "0.1", target: "0.4", current: "0.4") == 100)
        #expect(kpi(.increase, start: "0", target: "0.3", current: "0.1") == d("33.33"))
    }
}

@Suite("KPI attainment: stay within range")
struct RangeAttainmentTests {
    @Test("inside the band scores 100")
    func inside() {
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "5", lower: "-2", upper: "10") == 100)
    }

    @Test("on either bound scores 100: bounds are inclusive")
    func onBounds() {
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "-2", lower: "-2", upper: "10") == 100)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "10", lower: "-2", upper: "10") == 100)
    }

    @Test("outside the band by the smallest step scores 0")
    func outside() {
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "-2.01", lower: "-2", upper: "10") == 0)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "10.01", lower: "-2", upper: "10") == 0)
    }

    @Test("a missing bound is open: only the present bound limits the band")
    func openBound() {
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "1000000", lower: "5") == 100)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "4.99", lower: "5") == 0)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "-1000000", upper: "5") == 100)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "5.01", upper: "5") == 0)
    }

    @Test("a band with equal bounds accepts exactly that value")
    func pointBand() {
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "3", lower: "3", upper: "3") == 100)
        #expect(kpi(.stayWithinRange, start: "0", target: "0", current: "3.001", lower: "3", upper: "3") == 0)
    }

    @Test("the policy still applies: in band with a cap below 100 scores the cap, outside scores the floor")
    func policyApplies() {
        let policy = AttainmentPolicy(floorPercent: 10, capPercent: 90)
        #expect(
            kpi(.stayWithinRange, start: "0", target: "0", current: "5", lower: "0", upper: "10", policy: policy) == 90)
        #expect(
            kpi(.stayWithinRange, start: "0", target: "0", current: "11", lower: "0", upper: "10", policy: policy) == 10
        )
    }
}

@Suite("KPI measurement from the agreed contract measure")
struct KPIMeasurementContractTests {
    @Test("a GoalMeasure and a reading become the measurement that is scored")
    func fromGoalMeasure() {
        let measure = GoalMeasure(
            metricID: "nps", unit: "points", direction: .decrease, startValue: d("40"), targetValue: d("20"),
            upperBound: d("45"))
        let measurement = KPIMeasurement(measure, currentValue: d("30"))
        #expect(
            measurement
                == KPIMeasurement(
                    direction: .decrease, startValue: 40, targetValue: 20, lowerBound: nil, upperBound: 45,
                    currentValue: 30))
        #expect(Attainment.percent(of: .kpi(measurement), policy: .standard) == 50)
    }
}
