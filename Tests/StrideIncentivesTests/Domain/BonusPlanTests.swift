import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: bonus plan")
struct BonusPlanDomainTests {
    typealias F = DomainFixtures

    @Test("the plan amount is salary × target% × company × individual multiplier × proration, unrounded")
    func formula() {
        #expect(
            BonusPlan.planAmount(
                salary: 60000, targetPercent: 10, companyMultiplier: F.dec("1.1"), individualMultiplier: F.dec("1.25"),
                proration: F.dec("0.5")) == 4125)
        // 60000.55 × 10% × 1.1 × 1.25 = 8250.075625: the plan keeps every digit for the fit.
        #expect(
            BonusPlan.planAmount(
                salary: F.dec("60000.55"), targetPercent: 10, companyMultiplier: F.dec("1.1"), individualMultiplier: F.dec("1.25"),
                proration: 1) == F.dec("8250.075625"))
        #expect(
            BonusPlan.planAmount(salary: 80000, targetPercent: 15, companyMultiplier: 1, individualMultiplier: 1, proration: 1) == 12000)
    }

    @Test("a zero multiplier, target or proration gives a zero plan")
    func zeros() {
        #expect(BonusPlan.planAmount(salary: 60000, targetPercent: 10, companyMultiplier: 1, individualMultiplier: 0, proration: 1) == 0)
        #expect(BonusPlan.planAmount(salary: 60000, targetPercent: 10, companyMultiplier: 0, individualMultiplier: 1, proration: 1) == 0)
        #expect(BonusPlan.planAmount(salary: 60000, targetPercent: 0, companyMultiplier: 1, individualMultiplier: 1, proration: 1) == 0)
        #expect(BonusPlan.planAmount(salary: 60000, targetPercent: 10, companyMultiplier: 1, individualMultiplier: 1, proration: 0) == 0)
    }

    @Test("the proration uses the six-place factor of the hire date")
    func withProration() {
        let proration = Proration.factor(hireDate: F.day("2026-07-01"), periodStart: F.day("2026-01-01"), periodEnd: F.day("2026-12-31"))
        let plan = BonusPlan.planAmount(salary: 60000, targetPercent: 10, companyMultiplier: 1, individualMultiplier: 1, proration: proration)
        #expect(plan == F.dec("3024.66"))  // 6000 × 0.50411
        #expect(BonusPlan.amount(plan: plan, fit: 1, currency: "EUR") == F.dec("3024.66"))
    }

    @Test("the amount is the plan scaled by the fit, rounded down to the minor unit")
    func amount() {
        let plan = F.dec("8250.075625")
        #expect(BonusPlan.amount(plan: plan, fit: 1, currency: "EUR") == F.dec("8250.07"))
        #expect(BonusPlan.amount(plan: plan, fit: F.dec("0.5"), currency: "EUR") == F.dec("4125.03"))  // 4125.0378125
        #expect(BonusPlan.amount(plan: plan, fit: 0, currency: "EUR") == 0)
        #expect(BonusPlan.amount(plan: F.dec("12345.9"), fit: 1, currency: "JPY") == 12345)
        #expect(BonusPlan.amount(plan: F.dec("12345.9"), fit: F.dec("0.3333333333"), currency: "JPY") == 4115)  // 4115.29…
        #expect(BonusPlan.amount(plan: F.dec("100.0009"), fit: 1, currency: "KWD") == F.dec("100"))
        #expect(BonusPlan.amount(plan: F.dec("100.0019"), fit: 1, currency: "KWD") == F.dec("100.001"))
    }

    @Test("plans fitted to a smaller pool add up to no more than the pool")
    func fittedToPool() {
        let plans = ["8250.075625", "4125.0378125", "999.999", "0", "12000", "3333.3333"].map(F.dec)
        let planCost = plans.reduce(0, +)
        for pool in ["0", "0.01", "1000", "10000", "28708.45", "28708.44"].map(F.dec) {
            let fit = BudgetFit.bonus(pool: pool, planCost: planCost)
            let paid = plans.map { BonusPlan.amount(plan: $0, fit: fit.factor, currency: "EUR") }.reduce(0, +)
            #expect(paid <= pool, "pool \(pool): paid \(paid)")
            #expect(!fit.short)
        }
    }
}
