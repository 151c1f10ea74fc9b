import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func day(_ text: String) -> CalendarDate {
    CalendarDate(text)!
}

/// A 10-day span: 1 → 11 January 2026, so each day is 10 points of expected progress.
private func assess(_ actual: String, on date: String, margin: String = "10") -> PaceAssessment {
    Pace.assess(
        actualPercent: d(actual), startsOn: day("2026-01-01"), endsOn: day("2026-01-11"), on: day(date),
        marginPoints: d(margin))
}

@Suite("Pace against linear expectation")
struct PaceTests {
    @Test("before the start nothing is expected and nothing is at risk")
    func beforeStart() {
        let pace = assess("0", on: "2025-12-15")
        #expect(pace.expectedPercent == 0)
        #expect(pace.deviationPoints == 0)
        #expect(!pace.isAtRisk)
        // Even a negative margin (no tolerance at all) flags nothing before the start.
        #expect(!assess("0", on: "2025-12-31", margin: "-1").isAtRisk)
    }

    @Test("on the first day nothing is expected yet")
    func atStart() {
        let pace = assess("0", on: "2026-01-01")
        #expect(pace == PaceAssessment(expectedPercent: 0, actualPercent: 0, deviationPoints: 0, isAtRisk: false))
    }

    @Test("mid-period the expectation is linear in elapsed days")
    func midPeriod() {
        let pace = assess("30", on: "2026-01-06")
        #expect(pace == PaceAssessment(expectedPercent: 50, actualPercent: 30, deviationPoints: 20, isAtRisk: true))
        #expect(assess("0", on: "2026-01-04").expectedPercent == 30)
    }

    @Test("on the due date 100 is expected")
    func atEnd() {
        let pace = assess("95", on: "2026-01-11")
        #expect(pace == PaceAssessment(expectedPercent: 100, actualPercent: 95, deviationPoints: 5, isAtRisk: false))
    }

    @Test("past the due date the expectation stays at 100")
    func pastEnd() {
        let pace = assess("80", on: "2026-06-30")
        #expect(pace.expectedPercent == 100)
        #expect(pace.deviationPoints == 20)
        #expect(pace.isAtRisk)
    }

    @Test("exactly at the margin is not at risk")
    func exactlyAtMargin() {
        let pace = assess("40", on: "2026-01-06")
        #expect(pace.deviationPoints == 10)
        #expect(!pace.isAtRisk)
    }

    @Test("one hundredth of a point beyond the margin is at risk")
    func justBeyondMargin() {
        let pace = assess("39.99", on: "2026-01-06")
        #expect(pace.deviationPoints == d("10.01"))
        #expect(pace.isAtRisk)
    }

    @Test("ahead of pace the deviation is negative and nothing is at risk")
    func aheadOfPace() {
        let pace = assess("120", on: "2026-01-06")
        #expect(pace.deviationPoints == -70)
        #expect(!pace.isAtRisk)
    }

    @Test("a one-day span expects 0 before its day and 100 from it")
    func oneDaySpan() {
        let dayBefore = Pace.assess(
            actualPercent: 0, startsOn: day("2026-03-31"), endsOn: day("2026-03-31"), on: day("2026-03-30"),
            marginPoints: 10)
        let onTheDay = Pace.assess(
            actualPercent: 0, startsOn: day("2026-03-31"), endsOn: day("2026-03-31"), on: day("2026-03-31"),
            marginPoints: 10)
        #expect(dayBefore.expectedPercent == 0 && !dayBefore.isAtRisk)
        #expect(onTheDay.expectedPercent == 100 && onTheDay.isAtRisk)
    }

    @Test("expected progress is rounded to 2 places and deviation agrees with the rounded values")
    func rounding() {
        // 1 of 3 days: 33.333… → 33.33; actual 10.005 → 10.01 (plain rounding).
        let pace = Pace.assess(
            actualPercent: d("10.005"), startsOn: day("2026-01-01"), endsOn: day("2026-01-04"), on: day("2026-01-02"),
            marginPoints: 25)
        #expect(pace.expectedPercent == d("33.33"))
        #expect(pace.actualPercent == d("10.01"))
        #expect(pace.deviationPoints == d("23.32"))
        #expect(pace.expectedPercent - pace.actualPercent == pace.deviationPoints)
    }

    @Test("days are counted on the calendar: leap days and month ends included")
    func calendarDays() {
        // 28 Feb → 1 Mar 2024 is 2 days (29 Feb exists); 2025 has 1.
        let leap = Pace.assess(
            actualPercent: 0, startsOn: day("2024-02-28"), endsOn: day("2024-03-01"), on: day("2024-02-29"),
            marginPoints: 100)
        #expect(leap.expectedPercent == 50)
        let year = Pace.assess(
            actualPercent: 0, startsOn: day("2024-01-01"), endsOn: day("2024-12-31"), on: day("2024-07-01"),
            marginPoints: 100)
        #expect(year.expectedPercent == d("49.86"))  // 182 of 365 days
    }

    @Test("a due date before the period end ends the span early: pass it as endsOn")
    func dueDate() {
        let pace = Pace.assess(
            actualPercent: 60, startsOn: day("2026-01-01"), endsOn: day("2026-01-21"), on: day("2026-01-31"),
            marginPoints: 10)
        #expect(pace.expectedPercent == 100)
        #expect(pace.isAtRisk)
    }
}
