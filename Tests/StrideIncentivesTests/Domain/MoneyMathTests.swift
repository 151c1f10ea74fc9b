import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: money math")
struct MoneyMathDomainTests {
    typealias F = DomainFixtures

    @Test(
        "floor cuts to the currency's minor unit: EUR 2, JPY 0, KWD 3, CLF 4, unknown codes 2",
        arguments: [
            ("12.349", "EUR", "12.34"), ("12.3", "EUR", "12.3"), ("12", "EUR", "12"), ("0.009", "EUR", "0"),
            ("12.999999", "EUR", "12.99"), ("1234.99", "JPY", "1234"), ("0.5", "JPY", "0"), ("1234", "JPY", "1234"),
            ("1.23456", "KWD", "1.234"), ("1.2349999", "KWD", "1.234"), ("1.000", "KWD", "1"), ("1.23456", "CLF", "1.2345"),
            ("9.999", "XXY", "9.99"), ("0", "EUR", "0"),
        ])
    func floor(amount: String, currency: String, expected: String) {
        #expect(MoneyMath.floor(F.dec(amount), currency: currency) == F.dec(expected))
    }

    @Test(
        "negative amounts are cut toward zero, not toward minus infinity",
        arguments: [
            ("-12.349", "EUR", "-12.34"), ("-12.341", "EUR", "-12.34"), ("-0.009", "EUR", "0"), ("-1234.99", "JPY", "-1234"),
            ("-0.5", "JPY", "0"), ("-1.23456", "KWD", "-1.234"), ("-12.34", "EUR", "-12.34"),
        ])
    func floorNegative(amount: String, currency: String, expected: String) {
        #expect(MoneyMath.floor(F.dec(amount), currency: currency) == F.dec(expected))
    }

    @Test("truncate cuts toward zero at any number of places")
    func truncate() {
        #expect(MoneyMath.truncate(F.dec("2.999"), places: 0) == 2)
        #expect(MoneyMath.truncate(F.dec("-2.999"), places: 0) == -2)
        #expect(MoneyMath.truncate(F.dec("0.66666666666666666"), places: 10) == F.dec("0.6666666666"))
        #expect(MoneyMath.truncate(F.dec("-0.66666666666666666"), places: 10) == F.dec("-0.6666666666"))
        #expect(MoneyMath.truncate(F.dec("1.25"), places: 2) == F.dec("1.25"))
        #expect(MoneyMath.truncate(F.dec("1.255"), places: 2) == F.dec("1.25"))
        #expect(MoneyMath.truncate(Decimal(1) / Decimal(3), places: 4) == F.dec("0.3333"))
        #expect(MoneyMath.truncate(Decimal(2) / Decimal(3), places: 4) == F.dec("0.6666"))
    }

    @Test(
        "round goes half away from zero, both signs",
        arguments: [
            ("2.5", 0, "3"), ("-2.5", 0, "-3"), ("3.5", 0, "4"), ("2.4999", 0, "2"), ("-2.4999", 0, "-2"),
            ("1.2345", 3, "1.235"), ("-1.2345", 3, "-1.235"), ("1.2344", 3, "1.234"), ("1.2346", 3, "1.235"),
            ("0.0000005", 6, "0.000001"), ("-0.0000005", 6, "-0.000001"), ("0.0000004999", 6, "0"),
            ("0.0078125", 6, "0.007813"), ("0.0000015", 6, "0.000002"), ("0.0000025", 6, "0.000003"),
        ])
    func round(value: String, places: Int, expected: String) {
        #expect(MoneyMath.round(F.dec(value), places: places) == F.dec(expected))
    }

    @Test("a floored amount never exceeds the exact one and misses it by less than one minor unit")
    func floorBounds() {
        var random = DomainLCG(seed: 7)
        for _ in 0..<300 {
            let units = random.int(-10_000_000...10_000_000)
            let value = F.minor(units, places: 6)
            for (currency, places) in [("EUR", 2), ("JPY", 0), ("KWD", 3)] {
                let floored = MoneyMath.floor(value, currency: currency)
                let step = F.minor(1, places: places)
                #expect(abs(floored) <= abs(value))
                #expect(abs(value - floored) < step)
                #expect(MoneyMath.truncate(floored, places: places) == floored)
            }
        }
    }
}
