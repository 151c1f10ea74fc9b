import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

private func day(_ text: String) -> CalendarDate {
    CalendarDate(text)!
}

private typealias Parent = (kind: GoalPeriodKind, startsOn: CalendarDate, endsOn: CalendarDate)

private let year2026: Parent = (.year, day("2026-01-01"), day("2026-12-31"))
private let firstHalf2026: Parent = (.half, day("2026-01-01"), day("2026-06-30"))

private func validate(_ kind: GoalPeriodKind, _ starts: String, _ ends: String, in parent: Parent? = nil)
    throws(GoalRuleViolation)
{
    try PeriodRules.validate(kind: kind, startsOn: day(starts), endsOn: day(ends), parent: parent)
}

private func violation(_ kind: GoalPeriodKind, _ starts: String, _ ends: String, in parent: Parent? = nil)
    -> GoalRuleViolation?
{
    do {
        try validate(kind, starts, ends, in: parent)
        return nil
    } catch {
        return error
    }
}

@Suite("Goal period rules")
struct PeriodRulesTests {
    @Test("a calendar year, a half and a quarter on their own are valid")
    func standalonePeriods() throws {
        try validate(.year, "2026-01-01", "2026-12-31")
        try validate(.half, "2026-07-01", "2026-12-31")
        try validate(.quarter, "2026-04-01", "2026-06-30")
    }

    @Test("a fiscal year across calendar years is valid")
    func fiscalYear() throws {
        try validate(.year, "2025-04-01", "2026-03-31")
    }

    @Test("a period that ends before it starts is refused, naming ends_on")
    func endsBeforeStart() {
        let error = violation(.quarter, "2026-04-01", "2026-03-31")
        #expect(error?.code == .invalidDates)
        #expect(error?.field == "ends_on")
    }

    @Test("a single-day period is valid: the last day is included")
    func singleDay() throws {
        try validate(.quarter, "2026-04-01", "2026-04-01")
    }

    @Test("a leap year of 366 days is valid; 367 days is too long")
    func maximumLength() throws {
        try validate(.year, "2024-01-01", "2024-12-31")
        try validate(.year, "2025-03-01", "2026-03-01")  // spans no 29 February: 366 days with both ends
        let error = violation(.year, "2024-01-01", "2025-01-01")
        #expect(error?.code == .invalidDates)
        #expect(error?.field == "ends_on")
        #expect(error?.message.contains("367") == true)
    }

    @Test(
        "a quarter nests in a half or a year, a half in a year",
        arguments: [
            (GoalPeriodKind.quarter, GoalPeriodKind.half), (.quarter, .year), (.half, .year),
        ])
    func allowedNesting(kind: GoalPeriodKind, parentKind: GoalPeriodKind) throws {
        try validate(kind, "2026-01-01", "2026-03-31", in: (parentKind, day("2026-01-01"), day("2026-06-30")))
        #expect(PeriodRules.canNest(kind, in: parentKind))
    }

    @Test(
        "a year nests in nothing, a half not in a half or quarter, a quarter not in a quarter",
        arguments: [
            (GoalPeriodKind.year, GoalPeriodKind.year), (.year, .half), (.year, .quarter),
            (.half, .half), (.half, .quarter), (.quarter, .quarter),
        ])
    func forbiddenNesting(kind: GoalPeriodKind, parentKind: GoalPeriodKind) {
        let error = violation(kind, "2026-01-01", "2026-03-31", in: (parentKind, day("2026-01-01"), day("2026-12-31")))
        #expect(error?.code == .periodNotNested)
        #expect(error?.field == "parent_period_id")
        #expect(!PeriodRules.canNest(kind, in: parentKind))
    }

    @Test("a nested period may share its parent's first and last day")
    func sameBoundsAsParent() throws {
        try validate(.half, "2026-01-01", "2026-12-31", in: year2026)
        try validate(.quarter, "2026-01-01", "2026-06-30", in: firstHalf2026)
    }

    @Test("a nested period starting a day before its parent is refused")
    func startsBeforeParent() {
        let error = violation(.quarter, "2025-12-31", "2026-03-30", in: year2026)
        #expect(error?.code == .periodNotNested)
        #expect(error?.field == "parent_period_id")
    }

    @Test("a nested period ending a day after its parent is refused")
    func endsAfterParent() {
        let error = violation(.quarter, "2026-04-01", "2026-07-01", in: firstHalf2026)
        #expect(error?.code == .periodNotNested)
        #expect(error?.field == "parent_period_id")
    }

    @Test("dates are checked before nesting: backwards dates are reported as such")
    func datesFirst() {
        let error = violation(.year, "2026-12-31", "2026-01-01", in: year2026)
        #expect(error?.code == .invalidDates)
    }
}
