import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: merit increases")
struct MeritIncreaseDomainTests {
    typealias F = DomainFixtures

    private func increase(
        _ salary: String, max: String, percent: String, proration: String = "1", currency: String = "EUR"
    ) -> MeritIncrease {
        MeritIncrease(
            salary: F.dec(salary), bandMaximum: F.dec(max), percent: F.dec(percent), proration: F.dec(proration), currency: currency)
    }

    @Test("a plain increase inside the band goes entirely into the salary")
    func plain() {
        let merit = increase("50000", max: "70000", percent: "3")
        #expect(merit.total == 1500)
        #expect(merit.baseIncrease == 1500)
        #expect(merit.lumpSum == 0)
        #expect(merit.newSalary == 51500)
    }

    @Test("proration scales the increase: half a year, half the increase")
    func prorated() {
        let half = increase("50000", max: "70000", percent: "3", proration: "0.5")
        #expect(half.total == 750)
        #expect(half.baseIncrease == 750)
        #expect(half.lumpSum == 0)
        #expect(half.newSalary == 50750)
        // 184/365 of the year: 1500 × 0.50411 = 756.165 → 756.16.
        #expect(increase("50000", max: "70000", percent: "3", proration: "0.50411").total == F.dec("756.16"))
    }

    @Test("an increase passing the band maximum is capped there, the rest paid as a lump sum, the total kept")
    func capped() {
        let merit = increase("69000", max: "70000", percent: "3")
        #expect(merit.total == 2070)
        #expect(merit.baseIncrease == 1000)
        #expect(merit.lumpSum == 1070)
        #expect(merit.newSalary == 70000)
        #expect(merit.baseIncrease + merit.lumpSum == merit.total)
    }

    @Test("an increase landing exactly on the maximum needs no lump sum")
    func exactlyToMaximum() {
        let merit = increase("68000", max: "70040", percent: "3")
        #expect(merit.total == 2040)
        #expect(merit.baseIncrease == 2040)
        #expect(merit.lumpSum == 0)
        #expect(merit.newSalary == 70040)
    }

    @Test("a salary at or above the maximum gets everything as a lump sum and keeps its salary")
    func atOrAboveMaximum() {
        let atMax = increase("70000", max: "70000", percent: "3")
        #expect(atMax.total == 2100)
        #expect(atMax.baseIncrease == 0)
        #expect(atMax.lumpSum == 2100)
        #expect(atMax.newSalary == 70000)
        let above = increase("72000", max: "70000", percent: "3")
        #expect(above.total == 2160)
        #expect(above.baseIncrease == 0)
        #expect(above.lumpSum == 2160)
        #expect(above.newSalary == 72000)
    }

    @Test("JPY rounds down to whole yen, the salary cap included")
    func yen() {
        let merit = increase("3456789", max: "5000000", percent: "2.5", currency: "JPY")  // 86419.725
        #expect(merit.total == 86419)
        #expect(merit.newSalary == 3_543_208)
        #expect(increase("3456789", max: "5000000", percent: "2.5", proration: "0.50411", currency: "JPY").total == 43565)
        let capped = increase("3456789", max: "3500000", percent: "2.5", currency: "JPY")
        #expect(capped.total == 86419)
        #expect(capped.baseIncrease == 43211)
        #expect(capped.lumpSum == 43208)
        #expect(capped.newSalary == 3_500_000)
    }

    @Test("EUR rounds down to the cent, KWD to the fils, never up")
    func cents() {
        let merit = increase("45678.91", max: "60000", percent: "3.33")  // 1521.107703
        #expect(merit.total == F.dec("1521.10"))
        #expect(merit.newSalary == F.dec("47200.01"))
        #expect(increase("12345.678", max: "20000", percent: "1.5", currency: "KWD").total == F.dec("185.185"))  // 185.18517
        #expect(increase("33.33", max: "100", percent: "2.99").total == F.dec("0.99"))  // 0.996567
    }

    @Test("no percent or no time employed means no increase")
    func zero() {
        let none = increase("50000", max: "70000", percent: "0")
        #expect(none == MeritIncrease(salary: 50000, bandMaximum: 70000, percent: 0, proration: 1, currency: "EUR"))
        #expect(none.total == 0 && none.baseIncrease == 0 && none.lumpSum == 0 && none.newSalary == 50000)
        let notEmployed = increase("72000", max: "70000", percent: "5", proration: "0")
        #expect(notEmployed.total == 0 && notEmployed.lumpSum == 0 && notEmployed.newSalary == 72000)
    }

    @Test("for any salary, band and percent the parts add up, none is negative, and the salary never passes the maximum by an increase")
    func invariants() {
        var random = DomainLCG(seed: 2026)
        for _ in 0..<400 {
            let currency = ["EUR", "JPY", "KWD"][random.int(0...2)]
            let places = Money.minorUnitDigits(of: currency)
            let salary = F.minor(random.int(1_000_000...9_000_000), places: places)
            let maximum = F.minor(random.int(1_000_000...9_000_000), places: places)
            let percent = F.minor(random.int(0...1_500), places: 2)
            let proration = F.minor(random.int(0...1_000_000), places: 6)
            let merit = MeritIncrease(salary: salary, bandMaximum: maximum, percent: percent, proration: proration, currency: currency)
            let exact = salary * percent / 100 * proration
            #expect(merit.baseIncrease + merit.lumpSum == merit.total)
            #expect(merit.baseIncrease >= 0 && merit.lumpSum >= 0)
            #expect(merit.total <= exact && exact - merit.total < F.minor(1, places: places))
            #expect(merit.newSalary == salary + merit.baseIncrease)
            #expect(merit.newSalary <= (salary > maximum ? salary : maximum))
            if salary + merit.total <= maximum { #expect(merit.lumpSum == 0) } else { #expect(merit.newSalary == (salary > maximum ? salary : maximum)) }
        }
    }
}
