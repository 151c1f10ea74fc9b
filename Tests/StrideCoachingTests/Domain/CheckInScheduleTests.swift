import StrideCoaching
import StrideContracts
import Testing

@Suite("Check-in cadence and schedule")
struct CheckInScheduleTests {
    @Test(
        "each cadence has its interval in days",
        arguments: [(CheckInCadence.weekly, 7), (.biweekly, 14), (.monthly, 30)])
    func intervals(cadence: CheckInCadence, days: Int) {
        #expect(cadence.intervalDays == days)
    }

    @Test("the next check-in is due one interval after the anchor")
    func dueDate() {
        #expect(CheckInSchedule(cadence: .weekly).dueOn(after: day("2026-03-02")) == day("2026-03-09"))
        #expect(CheckInSchedule(cadence: .biweekly).dueOn(after: day("2026-12-25")) == day("2027-01-08"))
        #expect(CheckInSchedule(cadence: .monthly).dueOn(after: day("2026-01-31")) == day("2026-03-02"))
        #expect(CheckInSchedule(cadence: .monthly).dueOn(after: day("2028-02-01")) == day("2028-03-02"))
    }

    @Test("the anchor is the last check-in, else the pair's start, never before the pair's start")
    func anchor() {
        #expect(CheckInSchedule.anchor(lastCheckInOn: nil, pairStartedOn: day("2026-01-05")) == day("2026-01-05"))
        #expect(
            CheckInSchedule.anchor(lastCheckInOn: day("2026-02-10"), pairStartedOn: day("2026-01-05"))
                == day("2026-02-10"))
        #expect(
            CheckInSchedule.anchor(lastCheckInOn: day("2025-12-01"), pairStartedOn: day("2026-01-05"))
                == day("2026-01-05"))
    }

    @Test(
        "weekly from Monday 2 March with 3 days' grace: not due, due, then overdue",
        arguments: [
            ("2026-03-02", CheckInStanding.notDue(daysUntilDue: 7)),
            ("2026-03-08", .notDue(daysUntilDue: 1)),
            ("2026-03-09", .due(daysPastDue: 0)),
            ("2026-03-12", .due(daysPastDue: 3)),
            ("2026-03-13", .overdue(daysPastDue: 4)),
            ("2026-04-09", .overdue(daysPastDue: 31)),
        ])
    func standing(today: String, expected: CheckInStanding) {
        let schedule = CheckInSchedule(cadence: .weekly)
        #expect(schedule.graceDays == CheckInSchedule.defaultGraceDays)
        #expect(schedule.standing(anchor: day("2026-03-02"), on: day(today)) == expected)
    }

    @Test("due and overdue flags follow the standing")
    func flags() {
        #expect(!CheckInStanding.notDue(daysUntilDue: 1).isDue)
        #expect(!CheckInStanding.notDue(daysUntilDue: 1).isOverdue)
        #expect(CheckInStanding.due(daysPastDue: 0).isDue)
        #expect(!CheckInStanding.due(daysPastDue: 0).isOverdue)
        #expect(CheckInStanding.overdue(daysPastDue: 9).isDue)
        #expect(CheckInStanding.overdue(daysPastDue: 9).isOverdue)
    }

    @Test("a zero grace makes the day after the due date overdue; a negative grace counts as zero")
    func zeroGrace() {
        let schedule = CheckInSchedule(cadence: .monthly, graceDays: -4)
        #expect(schedule.graceDays == 0)
        #expect(schedule.standing(anchor: day("2026-01-01"), on: day("2026-01-31")) == .due(daysPastDue: 0))
        #expect(schedule.standing(anchor: day("2026-01-01"), on: day("2026-02-01")) == .overdue(daysPastDue: 1))
    }

    @Test("a check-in is on cadence up to the due date plus grace")
    func onCadence() {
        let schedule = CheckInSchedule(cadence: .biweekly, graceDays: 2)
        let anchor = day("2026-05-01")
        #expect(schedule.lastOnCadenceDay(after: anchor) == day("2026-05-17"))
        #expect(schedule.isOnCadence(heldOn: day("2026-05-03"), anchor: anchor))
        #expect(schedule.isOnCadence(heldOn: day("2026-05-17"), anchor: anchor))
        #expect(!schedule.isOnCadence(heldOn: day("2026-05-18"), anchor: anchor))
    }

    @Test(
        "the sweep cutoffs agree with the standing for every anchor around them",
        arguments: CheckInCadence.allCases)
    func cutoffsMirrorStanding(cadence: CheckInCadence) {
        let schedule = CheckInSchedule(cadence: cadence)
        let today = day("2026-03-15")
        #expect(schedule.dueCutoff(on: today) == today.adding(days: -cadence.intervalDays))
        #expect(schedule.overdueCutoff(on: today) == today.adding(days: -(cadence.intervalDays + 3)))
        for offset in -50...5 {
            let anchor = today.adding(days: offset)
            let standing = schedule.standing(anchor: anchor, on: today)
            #expect(standing.isDue == (anchor <= schedule.dueCutoff(on: today)))
            #expect(standing.isOverdue == (anchor < schedule.overdueCutoff(on: today)))
        }
    }
}
