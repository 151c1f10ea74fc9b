import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: proration")
struct ProrationDomainTests {
    typealias F = DomainFixtures

    private func factor(_ hire: String, _ start: String = "2026-01-01", _ end: String = "2026-12-31") -> Decimal {
        Proration.factor(hireDate: F.day(hire), periodStart: F.day(start), periodEnd: F.day(end))
    }

    @Test("someone hired before the period, or on its first day, gets the whole factor 1")
    func hiredBefore() {
        #expect(factor("2019-06-15") == 1)
        #expect(factor("2025-12-31") == 1)
        #expect(factor("2026-01-01") == 1)
    }

    @Test("someone hired on the last day gets one day of 365, rounded to six places")
    func hiredLastDay() {
        #expect(factor("2026-12-31") == F.dec("0.00274"))  // 1/365 = 0.0027397…
        #expect(factor("2026-12-30") == F.dec("0.005479"))  // 2/365 = 0.0054794…
        #expect(factor("2026-01-02") == F.dec("0.99726"))  // 364/365 = 0.9972602…
    }

    @Test("someone hired mid-year counts the hire day and the last day")
    func midYear() {
        #expect(factor("2026-07-01") == F.dec("0.50411"))  // 184/365 = 0.5041095…
    }

    @Test("a leap year has 366 days and 29 February counts")
    func leapYear() {
        #expect(factor("2024-07-01", "2024-01-01", "2024-12-31") == F.dec("0.502732"))  // 184/366 = 0.5027322…
        #expect(factor("2024-02-29", "2024-01-01", "2024-12-31") == F.dec("0.838798"))  // 307/366 = 0.8387978…
        #expect(factor("2024-03-01", "2024-01-01", "2024-12-31") == F.dec("0.836066"))  // 306/366 = 0.8360655…
        #expect(factor("2024-12-31", "2024-01-01", "2024-12-31") == F.dec("0.002732"))  // 1/366 = 0.0027322…
    }

    @Test("a period across a leap day counts it")
    func acrossLeapDay() {
        // 2023-07-01 … 2024-06-30 has 366 days; hired 2024-01-01 → 182 days.
        #expect(factor("2024-01-01", "2023-07-01", "2024-06-30") == F.dec("0.497268"))  // 182/366 = 0.4972677…
    }

    @Test("someone hired after the period's end gets 0")
    func hiredAfter() {
        #expect(factor("2027-01-01") == 0)
        #expect(factor("2030-05-05") == 0)
    }

    @Test("a one-day period is 1 for anyone hired by that day and 0 after")
    func oneDay() {
        #expect(factor("2026-03-14", "2026-03-15", "2026-03-15") == 1)
        #expect(factor("2026-03-15", "2026-03-15", "2026-03-15") == 1)
        #expect(factor("2026-03-16", "2026-03-15", "2026-03-15") == 0)
    }

    @Test("a period that ends before it starts has factor 0")
    func reversedPeriod() {
        #expect(factor("2020-01-01", "2026-12-31", "2026-01-01") == 0)
        #expect(factor("2026-06-01", "2026-12-31", "2026-01-01") == 0)
    }

    @Test("the sixth place rounds half away from zero, not to even")
    func halfAwayFromZero() {
        // 2026-01-01 … 2026-05-08 is 128 days; one day of 128 is 0.0078125 exactly → 0.007813
        // (half-even would give 0.007812).
        #expect(factor("2026-05-08", "2026-01-01", "2026-05-08") == F.dec("0.007813"))
        // Five days of 128 is 0.0390625 → 0.039063 (half-even would give 0.039062).
        #expect(factor("2026-05-04", "2026-01-01", "2026-05-08") == F.dec("0.039063"))
    }

    @Test("every hire day of a leap year gives a factor in 0…1 with six places, never rising as the hire day moves later")
    func everyDay() {
        let start = F.day("2024-01-01")
        let end = F.day("2024-12-31")
        var last: Decimal = 1
        for offset in -3...368 {
            let hire = start.adding(days: offset)
            let value = Proration.factor(hireDate: hire, periodStart: start, periodEnd: end)
            #expect(value >= 0 && value <= 1)
            #expect(MoneyMath.truncate(value, places: 6) == value, "\(hire): \(value) has more than six places")
            #expect(value <= last, "\(hire): \(value) after \(last)")
            let employed = Decimal(max(0, min(366, 366 - offset)))
            let error = value * 366 - employed
            #expect(error <= F.dec("0.000183") && error >= F.dec("-0.000183"), "\(hire): \(value) is not \(employed)/366")
            last = value
        }
        #expect(last == 0)
    }

    @Test("daysSince counts whole days, negative backwards, across month ends and leap days")
    func daysSince() {
        #expect(F.day("2026-01-02").daysSince(F.day("2026-01-01")) == 1)
        #expect(F.day("2026-01-01").daysSince(F.day("2026-01-01")) == 0)
        #expect(F.day("2026-01-01").daysSince(F.day("2026-01-02")) == -1)
        #expect(F.day("2024-03-01").daysSince(F.day("2024-02-28")) == 2)
        #expect(F.day("2023-03-01").daysSince(F.day("2023-02-28")) == 1)
        #expect(F.day("2026-12-31").daysSince(F.day("2026-01-01")) == 364)
        #expect(F.day("2025-01-01").daysSince(F.day("2024-01-01")) == 366)
        #expect(F.day("2000-01-01").daysSince(F.day("1970-01-01")) == 10_957)
        #expect(F.day("1969-12-31").daysSince(F.day("1970-01-01")) == -1)
    }

    @Test("the factor keeps six places")
    func places() {
        #expect(Proration.places == 6)
    }
}
