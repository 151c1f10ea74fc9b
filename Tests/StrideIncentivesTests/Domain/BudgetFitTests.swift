import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: budget fit")
struct BudgetFitDomainTests {
    typealias F = DomainFixtures

    private func merit(_ pool: String, _ minimum: String, _ guideline: String) -> BudgetFit {
        BudgetFit.merit(pool: F.dec(pool), minimumCost: F.dec(minimum), guidelineCost: F.dec(guideline))
    }

    @Test("a pool is a percentage of the payroll, rounded down to the minor unit")
    func pool() {
        #expect(BudgetFit.pool(payroll: F.dec("1234567.89"), percent: 4, currency: "EUR") == F.dec("49382.71"))  // 49382.7156
        #expect(BudgetFit.pool(payroll: 123_456_789, percent: F.dec("3.5"), currency: "JPY") == 4_320_987)  // 4320987.615
        #expect(BudgetFit.pool(payroll: F.dec("1000.001"), percent: 3, currency: "KWD") == 30)  // 30.00003
        #expect(BudgetFit.pool(payroll: F.dec("99999.99"), percent: F.dec("0.0001"), currency: "EUR") == F.dec("0.09"))
        #expect(BudgetFit.pool(payroll: F.dec("1234567.89"), percent: 0, currency: "EUR") == 0)
        #expect(BudgetFit.pool(payroll: 0, percent: 4, currency: "EUR") == 0)
    }

    @Test("when the guidelines fit, the factor is 1 and every percentage is its guideline")
    func guidelinesFit() {
        for fit in [merit("100", "50", "100"), merit("1000", "50", "100"), merit("100.01", "50", "100")] {
            #expect(fit == BudgetFit(factor: 1, short: false))
            #expect(fit.meritPercent(F.range("2", "3", "4")) == 3)
            #expect(fit.meritPercent(F.range("0", "1.25", "2")) == F.dec("1.25"))
        }
    }

    @Test("a pool between the minimum and the guideline cost scales only the part above the minimums")
    func discretionary() {
        let half = merit("75", "50", "100")
        #expect(half == BudgetFit(factor: F.dec("0.5"), short: false))
        #expect(half.meritPercent(F.range("2", "3", "4")) == F.dec("2.5"))
        #expect(half.meritPercent(F.range("1", "2.25", "3")) == F.dec("1.62"))  // 1.625, cut to two places
        #expect(half.meritPercent(F.range("2", "2", "4")) == 2)  // no room above the minimum
    }

    @Test("the factor keeps ten places, cut down, and the percent two, never below the minimum")
    func truncation() {
        let third = merit("60", "50", "80")
        #expect(third.factor == F.dec("0.3333333333"))
        #expect(!third.short)
        #expect(third.meritPercent(F.range("2", "3", "4")) == F.dec("2.33"))
        let twoThirds = merit("70", "50", "80")
        #expect(twoThirds.factor == F.dec("0.6666666666"))  // not …67
        #expect(twoThirds.meritPercent(F.range("2", "3", "4")) == F.dec("2.66"))  // 2.6666666666, not 2.67
        let tiny = merit("50.01", "50", "80")
        #expect(tiny.factor == F.dec("0.0003333333"))
        #expect(tiny.meritPercent(F.range("2.5", "3", "4")) == F.dec("2.5"))
    }

    @Test("a pool exactly at the minimum cost gives factor 0 without being short: everyone at the minimum")
    func poolAtMinimum() {
        let fit = merit("50", "50", "100")
        #expect(fit == BudgetFit(factor: 0, short: false))
        #expect(fit.meritPercent(F.range("2", "3", "4")) == 2)
        #expect(fit.meritPercent(F.range("0.75", "3", "4")) == F.dec("0.75"))
    }

    @Test("a pool below the minimum cost is short and scales the minimums by pool / minimum cost")
    func short() {
        let fit = merit("40", "50", "100")
        #expect(fit == BudgetFit(factor: F.dec("0.8"), short: true))
        #expect(fit.meritPercent(F.range("2", "3", "4")) == F.dec("1.6"))
        #expect(fit.meritPercent(F.range("2.5", "3", "4")) == 2)
        #expect(fit.meritPercent(F.range("0", "3", "4")) == 0)
        let third = merit("1", "3", "5")
        #expect(third == BudgetFit(factor: F.dec("0.3333333333"), short: true))
        #expect(third.meritPercent(F.range("2.5", "3", "4")) == F.dec("0.83"))  // 0.83333333325
        #expect(merit("49.99", "50", "100").short)
    }

    @Test("a pool of 0 against positive minimums is factor 0 and short: nobody gets anything")
    func emptyPool() {
        let fit = merit("0", "50", "100")
        #expect(fit == BudgetFit(factor: 0, short: true))
        #expect(fit.meritPercent(F.range("2", "3", "4")) == 0)
    }

    @Test("zero spread: minimum and guideline costs equal")
    func zeroSpread() {
        #expect(merit("50", "50", "50") == BudgetFit(factor: 1, short: false))
        #expect(merit("60", "50", "50") == BudgetFit(factor: 1, short: false))
        #expect(merit("40", "50", "50") == BudgetFit(factor: F.dec("0.8"), short: true))
        // An empty department (or one with only 0 % cells) is never short.
        #expect(merit("0", "0", "0") == BudgetFit(factor: 1, short: false))
    }

    @Test("0 % minimums with a pool of 0 are not short: everyone is at the (zero) minimum")
    func zeroMinimums() {
        let fit = merit("0", "0", "100")
        #expect(fit == BudgetFit(factor: 0, short: false))
        #expect(fit.meritPercent(F.range("0", "3", "4")) == 0)
    }

    @Test("factors stay in 0…1 and a fitted percentage stays between the minimum and the guideline unless short")
    func percentBounds() {
        let ranges = [F.range("0", "0", "0"), F.range("1", "2", "3"), F.range("2.5", "3.75", "5"), F.range("0.01", "9.99", "10"), F.range("4", "4", "4")]
        for factor in ["0", "0.0000000001", "0.3333333333", "0.5", "0.9999999999", "1"].map(F.dec) {
            for range in ranges {
                let fitted = BudgetFit(factor: factor, short: false).meritPercent(range)
                #expect(fitted >= range.minimumPercent && fitted <= range.guidelinePercent, "f \(factor): \(fitted) outside \(range)")
                #expect(MoneyMath.truncate(fitted, places: 2) == fitted)
                let short = BudgetFit(factor: factor, short: true).meritPercent(range)
                #expect(short >= 0 && short <= range.minimumPercent)
            }
        }
    }

    @Test("bonus: plans within the pool keep factor 1; above it they scale by pool / plans, ten places cut down")
    func bonus() {
        #expect(BudgetFit.bonus(pool: 100, planCost: 100) == BudgetFit(factor: 1, short: false))
        #expect(BudgetFit.bonus(pool: 100, planCost: F.dec("99.99")) == BudgetFit(factor: 1, short: false))
        #expect(BudgetFit.bonus(pool: 0, planCost: 0) == BudgetFit(factor: 1, short: false))
        #expect(BudgetFit.bonus(pool: 75, planCost: 100) == BudgetFit(factor: F.dec("0.75"), short: false))
        #expect(BudgetFit.bonus(pool: 1, planCost: 3) == BudgetFit(factor: F.dec("0.3333333333"), short: false))
        #expect(BudgetFit.bonus(pool: 2, planCost: 3) == BudgetFit(factor: F.dec("0.6666666666"), short: false))
        #expect(BudgetFit.bonus(pool: 0, planCost: 100) == BudgetFit(factor: 0, short: false))
        #expect(BudgetFit.places == 10)
    }

    /// One department as the run prices it: each employee's salary, band maximum, cell and
    /// proration; the costs at the minimums and guidelines are exact sums (the run's SQL does not
    /// round them), the pool a percentage of the payroll rounded down.
    private struct Department {
        struct Employee {
            var salary: Decimal
            var bandMaximum: Decimal
            var range: MeritRange
            var proration: Decimal
        }

        var currency: String
        var employees: [Employee]
        var poolPercent: Decimal

        var payroll: Decimal { employees.map(\.salary).reduce(0, +) }
        var pool: Decimal { BudgetFit.pool(payroll: payroll, percent: poolPercent, currency: currency) }
        var minimumCost: Decimal { employees.map { $0.salary * $0.range.minimumPercent / 100 * $0.proration }.reduce(0, +) }
        var guidelineCost: Decimal { employees.map { $0.salary * $0.range.guidelinePercent / 100 * $0.proration }.reduce(0, +) }

        func increase(_ employee: Employee, percent: Decimal) -> MeritIncrease {
            MeritIncrease(
                salary: employee.salary, bandMaximum: employee.bandMaximum, percent: percent, proration: employee.proration,
                currency: currency)
        }

        static func random(_ random: inout DomainLCG) -> Department {
            let currency = ["EUR", "JPY", "KWD", "EUR"][random.int(0...3)]
            let places = Money.minorUnitDigits(of: currency)
            let scale = currency == "JPY" ? 100 : 1  // JPY salaries in yen are ~100× EUR ones
            let start = DomainFixtures.day("2026-01-01")
            let end = DomainFixtures.day("2026-12-31")
            let employees = (0..<random.int(1...40)).map { _ -> Employee in
                let salary = DomainFixtures.minor(random.int(20_000...180_000) * scale * pow10(places) + random.int(0...pow10(places) - 1), places: places)
                let bandMaximum = DomainFixtures.minor(random.int(30_000...200_000) * scale, places: 0)
                let minimum = random.int(0...500)
                let guideline = minimum + (random.int(0...3) == 0 ? 0 : random.int(1...400))
                let maximum = guideline + random.int(0...300)
                let hire = random.int(0...2) == 0 ? start.adding(days: random.int(-30...364)) : DomainFixtures.day("2015-03-01")
                return Employee(
                    salary: salary, bandMaximum: bandMaximum,
                    range: MeritRange(
                        minimumPercent: DomainFixtures.minor(minimum, places: 2), guidelinePercent: DomainFixtures.minor(guideline, places: 2),
                        maximumPercent: DomainFixtures.minor(maximum, places: 2)),
                    proration: Proration.factor(hireDate: hire, periodStart: start, periodEnd: end))
            }
            let poolPercent = random.int(0...9) == 0 ? 0 : DomainFixtures.minor(random.int(0...800), places: 2)
            return Department(currency: currency, employees: employees, poolPercent: poolPercent)
        }

        private static func pow10(_ places: Int) -> Int { (0..<places).reduce(1) { value, _ in value * 10 } }
    }

    @Test("for 400 pseudo-random departments the fitted merit costs never pass the pool, nor go below the minimums unless short")
    func meritProperty() {
        var random = DomainLCG(seed: 0x5742_4944_4521)
        var regimes = (guideline: 0, discretionary: 0, short: 0)
        for index in 0..<400 {
            let department = Department.random(&random)
            let pool = department.pool
            let fit = BudgetFit.merit(pool: pool, minimumCost: department.minimumCost, guidelineCost: department.guidelineCost)
            #expect(fit.factor >= 0 && fit.factor <= 1)
            #expect(MoneyMath.truncate(fit.factor, places: BudgetFit.places) == fit.factor)
            #expect(fit.short == (department.minimumCost > pool))
            var fitted: Decimal = 0
            var atMinimum: Decimal = 0
            for employee in department.employees {
                let percent = fit.meritPercent(employee.range)
                let merit = department.increase(employee, percent: percent)
                let minimum = department.increase(employee, percent: employee.range.minimumPercent)
                fitted += merit.total
                atMinimum += minimum.total
                #expect(percent >= 0 && percent <= employee.range.guidelinePercent, "department \(index)")
                if fit.short {
                    #expect(percent <= employee.range.minimumPercent, "department \(index)")
                } else {
                    #expect(percent >= employee.range.minimumPercent, "department \(index): \(percent) below \(employee.range.minimumPercent)")
                    #expect(merit.total >= minimum.total, "department \(index)")
                }
                if fit.factor == 1 && !fit.short { #expect(percent == employee.range.guidelinePercent) }
            }
            #expect(fitted <= pool, "department \(index) (\(department.currency)): fitted \(fitted) passes the pool \(pool)")
            if !fit.short { #expect(fitted >= atMinimum, "department \(index)") }
            if fit.short { regimes.short += 1 } else if fit.factor == 1 { regimes.guideline += 1 } else { regimes.discretionary += 1 }
        }
        // The generator must exercise every branch, or the property proves little.
        #expect(regimes.guideline >= 20, "\(regimes)")
        #expect(regimes.discretionary >= 20, "\(regimes)")
        #expect(regimes.short >= 20, "\(regimes)")
    }

    @Test("for the same departments the fitted bonus amounts never pass the bonus pool")
    func bonusProperty() {
        var random = DomainLCG(seed: 0xB0_0115)
        var scaled = 0
        for index in 0..<300 {
            let department = Department.random(&random)
            let plans = department.employees.map { employee in
                BonusPlan.planAmount(
                    salary: employee.salary, targetPercent: DomainFixtures.minor(random.int(0...2_500), places: 2),
                    companyMultiplier: DomainFixtures.minor(random.int(50...150), places: 2),
                    individualMultiplier: DomainFixtures.minor(random.int(0...150), places: 2), proration: employee.proration)
            }
            let pool = BudgetFit.pool(payroll: department.payroll, percent: department.poolPercent * 2, currency: department.currency)
            let fit = BudgetFit.bonus(pool: pool, planCost: plans.reduce(0, +))
            let paid = plans.map { BonusPlan.amount(plan: $0, fit: fit.factor, currency: department.currency) }.reduce(0, +)
            #expect(paid <= pool, "department \(index): paid \(paid) passes the pool \(pool)")
            #expect(fit.factor >= 0 && fit.factor <= 1 && !fit.short)
            if fit.factor < 1 { scaled += 1 }
        }
        #expect(scaled >= 20)
    }
}
